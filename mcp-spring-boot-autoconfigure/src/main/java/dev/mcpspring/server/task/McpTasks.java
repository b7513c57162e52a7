package dev.mcpspring.server.task;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

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
import dev.mcpspring.server.stateless.InputExchange;
import dev.mcpspring.server.stateless.StatelessSupport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
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
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663: Tasks
 * extension</a>
 */
public final class McpTasks implements McpStatelessExtension {

	/**
	 * Identifier of the tasks extension.
	 */
	public static final String EXTENSION = "io.modelcontextprotocol/tasks";

	private static final Log logger = LogFactory.getLog(McpTasks.class);

	private final SecureRandom random = new SecureRandom();

	private final ToolRegistry tools;

	private final TaskStore store;

	private final JsonMapper jsonMapper;

	private final Duration ttl;

	private final Duration pollInterval;

	private final Clock clock;

	/**
	 * Create the extension.
	 * @param tools the tools, which declare whether they run as tasks
	 * @param store where tasks are kept
	 * @param jsonMapper the mapper for results
	 * @param ttl how long a task is kept
	 * @param pollInterval how often clients are asked to poll
	 * @param clock the clock
	 */
	public McpTasks(ToolRegistry tools, TaskStore store, JsonMapper jsonMapper, Duration ttl, Duration pollInterval,
			Clock clock) {
		this.tools = tools;
		this.store = store;
		this.jsonMapper = jsonMapper;
		this.ttl = ttl;
		this.pollInterval = pollInterval;
		this.clock = clock;
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
	 * Call a tool: synchronously, or as a task when both the tool and the client
	 * support it and the inputs to gather before the task are there.
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
		return Mono.fromSupplier(() -> create(request, toolCaller));
	}

	/**
	 * Serve {@code tasks/get}, {@code tasks/update} or {@code tasks/cancel}.
	 * @param request the request
	 * @return the detailed task, or an empty acknowledgement
	 */
	@Override
	public Mono<?> serve(McpRequest request) {
		if (!supportsTasks(request)) {
			return Mono.error(missingExtension());
		}
		JsonNode taskId = requireParams(request).get("taskId");
		if (taskId == null || !taskId.isString()) {
			return Mono.error(new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Missing taskId"));
		}
		McpTask task = this.store.find(taskId.asString(), owner(request));
		if (task == null) {
			return Mono
				.error(new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Failed to retrieve task: Task not found"));
		}
		return switch (request.method()) {
			case "tasks/get" -> Mono.just(task.toJson(true));
			case "tasks/update" -> update(request, task);
			default -> {
				task.cancel(this.clock.instant());
				yield Mono.just(this.jsonMapper.createObjectNode());
			}
		};
	}

	private Mono<?> update(McpRequest request, McpTask task) {
		if (!(request.params().get("inputResponses") instanceof ObjectNode responses)) {
			return Mono.error(new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "inputResponses must be an object"));
		}
		if (task.answer(responses, this.clock.instant())) {
			run(task, task.toolCaller());
		}
		return Mono.just(this.jsonMapper.createObjectNode());
	}

	private ObjectNode create(McpRequest request, ToolCaller toolCaller) {
		McpRequest base = new McpRequest(request.message(), null, request.protocolVersion(),
				McpClientChannel.discard(), request.principal());
		InputExchange inputs = request.inputs();
		McpTask task = new McpTask(newTaskId(), owner(request), this.clock.instant(), this.ttl, this.pollInterval,
				base, (inputs != null) ? inputs.responses() : this.jsonMapper.createObjectNode(), toolCaller);
		this.store.save(task);
		run(task, toolCaller);
		ObjectNode result = task.toJson(false);
		result.put("resultType", "task");
		return result;
	}

	private void run(McpTask task, ToolCaller toolCaller) {
		McpRequest request = task.request().withInputs(new InputExchange(task.responses()));
		Disposable run = Mono.defer(() -> toolCaller.call(request))
			.subscribe((result) -> task.complete(this.jsonMapper.valueToTree(result), this.clock.instant()),
					(ex) -> failed(task, request, ex));
		task.started(run);
	}

	private void failed(McpTask task, McpRequest request, Throwable ex) {
		Instant now = this.clock.instant();
		if (InputRequiredException.isInputRequired(ex) && request.inputs() != null) {
			task.inputRequired(request.inputs().pendingRequests(), now);
			return;
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
		task.fail(this.jsonMapper.valueToTree(error), now);
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
		return new McpException(StatelessSupport.MISSING_REQUIRED_CLIENT_CAPABILITY,
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
