package dev.mcpspring.server.task;

import java.security.Principal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcException;
import dev.mcpspring.model.ToolExecution;
import dev.mcpspring.server.ClientCapabilityException;
import dev.mcpspring.server.InputRequiredException;
import dev.mcpspring.server.McpClientChannel;
import dev.mcpspring.server.McpException;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpStatelessExtension;
import dev.mcpspring.server.ToolHandler;
import dev.mcpspring.server.ToolRegistry;
import dev.mcpspring.server.session.McpSessionBroker;
import dev.mcpspring.server.stateless.InputExchange;
import dev.mcpspring.server.stateless.StatelessSupport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tasks extension ({@code io.modelcontextprotocol/tasks}) on the stateless revision:
 * decides whether a {@code tools/call} becomes a task, runs tasks in the background, and
 * serves {@code tasks/get}, {@code tasks/update} and {@code tasks/cancel}. Input a task
 * needs parks it in {@code input_required}; once answered, the tool runs again with every
 * response gathered so far, as multi round-trip requests do.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663:
 * Tasks extension</a>
 */
public final class McpTasks implements McpStatelessExtension {

	/**
	 * Identifier of the tasks extension.
	 */
	public static final String EXTENSION = "io.modelcontextprotocol/tasks";

	/**
	 * Broker topic of cancelled task ids.
	 */
	static final String CANCEL_TOPIC = "tasks:cancel";

	private static final Log logger = LogFactory.getLog(McpTasks.class);

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Disposable> running = new ConcurrentHashMap<>();

	private final Disposable cancellations;

	private final ToolRegistry tools;

	private final TaskStore store;

	private final McpSessionBroker broker;

	private final JsonMapper jsonMapper;

	private final Duration ttl;

	private final Duration pollInterval;

	private final Clock clock;

	/**
	 * Create the extension for a single instance.
	 * @param tools the tools, which declare whether they run as tasks
	 * @param store where tasks are kept
	 * @param jsonMapper the mapper for results
	 * @param ttl how long a task is kept
	 * @param pollInterval how often clients are asked to poll
	 * @param clock the clock
	 */
	public McpTasks(ToolRegistry tools, TaskStore store, JsonMapper jsonMapper, Duration ttl, Duration pollInterval,
			Clock clock) {
		this(tools, store, McpSessionBroker.local(), jsonMapper, ttl, pollInterval, clock);
	}

	/**
	 * Create the extension.
	 * @param tools the tools, which declare whether they run as tasks
	 * @param store where tasks are kept
	 * @param broker carries cancellations to the instance that runs a task
	 * @param jsonMapper the mapper for results
	 * @param ttl how long a task is kept
	 * @param pollInterval how often clients are asked to poll
	 * @param clock the clock
	 */
	public McpTasks(ToolRegistry tools, TaskStore store, McpSessionBroker broker, JsonMapper jsonMapper, Duration ttl,
			Duration pollInterval, Clock clock) {
		this.tools = tools;
		this.store = store;
		this.broker = broker;
		this.jsonMapper = jsonMapper;
		this.ttl = ttl;
		this.pollInterval = pollInterval;
		this.clock = clock;
		this.cancellations = broker.subscribe(CANCEL_TOPIC).subscribe(this::stop);
	}

	/**
	 * Whether a method belongs to the extension and is served here.
	 * @param method the method
	 * @return {@code true} for {@code tasks/get}, {@code tasks/update} and
	 * {@code tasks/cancel}
	 */
	@Override
	public boolean serves(String method) {
		return "tasks/get".equals(method) || "tasks/update".equals(method) || "tasks/cancel".equals(method);
	}

	/**
	 * Advertise the extension in a {@code server/discover} result.
	 * @param discover the result
	 * @return the same result
	 */
	@Override
	public ObjectNode advertise(ObjectNode discover) {
		JsonNode capabilities = discover.get("capabilities");
		ObjectNode object = (capabilities instanceof ObjectNode node) ? node : discover.putObject("capabilities");
		JsonNode extensions = object.get("extensions");
		((extensions instanceof ObjectNode node) ? node : object.putObject("extensions")).putObject(EXTENSION);
		return discover;
	}

	/**
	 * Call a tool: synchronously, or as a task when both the tool and the client support
	 * it and the inputs to gather before the task are there.
	 * @param request the {@code tools/call} request with its client input
	 * @param toolCaller calls the tool the usual way
	 * @return the tool result, or a {@code CreateTaskResult}
	 */
	@Override
	public Mono<?> callTool(McpRequest request, ToolCaller toolCaller) {
		JsonNode name = requireParams(request).get("name");
		ToolHandler handler = (name != null && name.isString()) ? this.tools.get(name.asString()) : null;
		ToolExecution execution = (handler != null) ? handler.getTool().execution() : null;
		if (execution == null) {
			return toolCaller.call(request);
		}
		if (!supportsTasks(request)) {
			return ToolExecution.REQUIRED.equals(execution.taskSupport()) ? Mono.error(missingExtension())
					: toolCaller.call(request);
		}
		InputExchange inputs = request.inputs();
		if (inputs != null && !execution.inputsBeforeTask().stream().allMatch((key) -> inputs.response(key) != null)) {
			return toolCaller.call(request);
		}
		return create(request, toolCaller);
	}

	/**
	 * Serve {@code tasks/get}, {@code tasks/update} or {@code tasks/cancel}.
	 * @param request the request
	 * @param toolCaller calls the tool again once a task's input is complete
	 * @return the detailed task, or an empty acknowledgement
	 */
	@Override
	public Mono<?> serve(McpRequest request, ToolCaller toolCaller) {
		if (!supportsTasks(request)) {
			return Mono.error(missingExtension());
		}
		JsonNode taskId = requireParams(request).get("taskId");
		if (taskId == null || !taskId.isString()) {
			return Mono.error(new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Missing taskId"));
		}
		return this.store.find(taskId.asString(), owner(request))
			.switchIfEmpty(Mono.error(() -> new McpException(JsonRpcErrorCodes.INVALID_PARAMS,
					"Failed to retrieve task: Task not found")))
			.flatMap((task) -> switch (request.method()) {
				case "tasks/get" -> Mono.just(task.toJson(true));
				case "tasks/update" -> update(request, task, toolCaller);
				default -> cancel(task);
			});
	}

	private Mono<ObjectNode> update(McpRequest request, McpTask task, ToolCaller toolCaller) {
		if (!(request.params().get("inputResponses") instanceof ObjectNode responses)) {
			return Mono.error(new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "inputResponses must be an object"));
		}
		AtomicReference<McpTask> before = new AtomicReference<>(task);
		return this.store.update(task.getId(), (current) -> {
			before.set(current);
			return current.answer(responses, this.clock.instant());
		}).doOnNext((answered) -> {
			if (before.get().getStatus() == McpTask.Status.INPUT_REQUIRED
					&& answered.getStatus() == McpTask.Status.WORKING) {
				run(answered, request.principal(), toolCaller);
			}
		}).thenReturn(this.jsonMapper.createObjectNode());
	}

	private Mono<ObjectNode> cancel(McpTask task) {
		return this.store.update(task.getId(), (current) -> current.cancel(this.clock.instant()))
			.doOnSuccess((cancelled) -> {
				if (!stop(task.getId())) {
					this.broker.publish(CANCEL_TOPIC, task.getId());
				}
			})
			.thenReturn(this.jsonMapper.createObjectNode());
	}

	private Mono<ObjectNode> create(McpRequest request, ToolCaller toolCaller) {
		InputExchange inputs = request.inputs();
		McpTask task = McpTask.create(newTaskId(), owner(request), this.clock.instant(), this.ttl, this.pollInterval,
				request.message(), request.protocolVersion(),
				(inputs != null) ? inputs.responses() : this.jsonMapper.createObjectNode());
		return this.store.save(task).then(Mono.fromSupplier(() -> {
			run(task, request.principal(), toolCaller);
			ObjectNode result = task.toJson(false);
			result.put("resultType", "task");
			return result;
		}));
	}

	/**
	 * Run a task's tool here, until it ends, is cancelled, or its time to live elapses.
	 */
	private void run(McpTask task, @Nullable Principal principal, ToolCaller toolCaller) {
		McpRequest request = new McpRequest(task.request(), null, task.protocolVersion(), McpClientChannel.discard(),
				principal)
			.withInputs(new InputExchange(task.responses()));
		Duration remaining = Duration.between(this.clock.instant(), task.getExpiresAt());
		Disposable.Swap work = Disposables.swap();
		this.running.put(task.getId(), work);
		work.update(Mono.defer(() -> toolCaller.call(request))
			.take(remaining)
			.flatMap((result) -> record(task,
					(current) -> current.complete(this.jsonMapper.valueToTree(result), this.clock.instant())))
			.onErrorResume((ex) -> record(task, failure(task, request, ex)))
			.doFinally((signal) -> this.running.remove(task.getId(), work))
			.subscribe(null, (ex) -> logger.warn("Could not record the outcome of task " + task.getId(), ex)));
	}

	private Mono<McpTask> record(McpTask task, UnaryOperator<McpTask> outcome) {
		return this.store.update(task.getId(), outcome);
	}

	private UnaryOperator<McpTask> failure(McpTask task, McpRequest request, Throwable ex) {
		if (InputRequiredException.isInputRequired(ex) && request.inputs() != null) {
			ObjectNode pending = request.inputs().pendingRequests();
			return (current) -> current.inputRequired(pending, this.clock.instant());
		}
		JsonRpcError error;
		if (ex instanceof ClientCapabilityException capability) {
			error = StatelessSupport.missingCapability(capability.getCapability()).getError();
		}
		else if (ex instanceof JsonRpcException rpc) {
			error = rpc.getError();
		}
		else {
			logger.error("Task " + task.getId() + " failed", ex);
			error = JsonRpcError.of(JsonRpcErrorCodes.INTERNAL_ERROR, "Internal error");
		}
		JsonNode json = this.jsonMapper.valueToTree(error);
		return (current) -> current.fail(json, this.clock.instant());
	}

	private boolean stop(String taskId) {
		Disposable work = this.running.remove(taskId);
		if (work == null) {
			return false;
		}
		work.dispose();
		return true;
	}

	/**
	 * Stop the work of every task running here and stop listening for cancellations.
	 */
	public void close() {
		this.cancellations.dispose();
		this.running.keySet().forEach(this::stop);
	}

	/**
	 * Whether the request declares the extension in its client capabilities.
	 * @param request the request
	 * @return {@code true} if the client supports tasks
	 */
	static boolean supportsTasks(McpRequest request) {
		JsonNode capabilities = request.clientCapabilities();
		return capabilities != null && capabilities.path("extensions").path(EXTENSION).isObject();
	}

	/**
	 * Create the {@code -32021} error naming the extension.
	 * @return the exception
	 */
	static McpException missingExtension() {
		return new McpException(JsonRpcErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY,
				"Missing required client capability",
				Map.of("requiredCapabilities", Map.of("extensions", Map.of(EXTENSION, Map.of()))));
	}

	private static String owner(McpRequest request) {
		return (request.principal() != null) ? request.principal().getName() : "";
	}

	private String newTaskId() {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static ObjectNode requireParams(McpRequest request) {
		if (request.params() == null) {
			throw new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Missing params");
		}
		return request.params();
	}

}
