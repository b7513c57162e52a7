package dev.mcpspring.server;

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
final class StatelessTasks {

	/**
	 * Identifier of the tasks extension.
	 */
	static final String EXTENSION = "io.modelcontextprotocol/tasks";

	private static final Log logger = LogFactory.getLog(StatelessTasks.class);

	private final SecureRandom random = new SecureRandom();

	private final McpServerFeatures features;

	private final McpFeatureMethods methods;

	private final TaskStore store;

	private final JsonMapper jsonMapper;

	private final Duration ttl;

	private final Duration pollInterval;

	private final Clock clock;

	StatelessTasks(McpServerFeatures features, McpFeatureMethods methods, TaskStore store, JsonMapper jsonMapper,
			Duration ttl, Duration pollInterval, Clock clock) {
		this.features = features;
		this.methods = methods;
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
	static boolean isTaskMethod(String method) {
		return "tasks/get".equals(method) || "tasks/update".equals(method) || "tasks/cancel".equals(method);
	}

	/**
	 * Advertise the extension in a {@code server/discover} result.
	 * @param discover the result
	 * @return the same result
	 */
	ObjectNode advertise(ObjectNode discover) {
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
	 * @return the tool result, or a {@code CreateTaskResult}
	 */
	Mono<?> callTool(McpRequest request) {
		JsonNode name = McpFeatureMethods.requireParams(request).get("name");
		ToolHandler handler = (name != null && name.isString()) ? this.features.tools().get(name.asString()) : null;
		ToolExecution execution = (handler != null) ? handler.getTool().execution() : null;
		if (execution == null) {
			return this.methods.callTool(request);
		}
		if (!supportsTasks(request)) {
			return ToolExecution.REQUIRED.equals(execution.taskSupport()) ? Mono.error(missingExtension())
					: this.methods.callTool(request);
		}
		InputExchange inputs = request.inputs();
		if (inputs != null && !execution.inputsBeforeTask().stream().allMatch((key) -> inputs.response(key) != null)) {
			return this.methods.callTool(request);
		}
		return Mono.fromSupplier(() -> create(request));
	}

	/**
	 * Serve {@code tasks/get}, {@code tasks/update} or {@code tasks/cancel}.
	 * @param request the request
	 * @return the detailed task, or an empty acknowledgement
	 */
	Mono<?> handle(McpRequest request) {
		if (!supportsTasks(request)) {
			return Mono.error(missingExtension());
		}
		JsonNode taskId = McpFeatureMethods.requireParams(request).get("taskId");
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
			run(task);
		}
		return Mono.just(this.jsonMapper.createObjectNode());
	}

	private ObjectNode create(McpRequest request) {
		McpRequest base = new McpRequest(request.message(), null, request.protocolVersion(),
				McpClientChannel.discard(), request.principal());
		InputExchange inputs = request.inputs();
		McpTask task = new McpTask(newTaskId(), owner(request), this.clock.instant(), this.ttl, this.pollInterval,
				base, (inputs != null) ? inputs.responses() : this.jsonMapper.createObjectNode());
		this.store.save(task);
		run(task);
		ObjectNode result = task.toJson(false);
		result.put("resultType", "task");
		return result;
	}

	private void run(McpTask task) {
		McpRequest request = task.request().withInputs(new InputExchange(task.responses()));
		Disposable run = Mono.defer(() -> this.methods.callTool(request))
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

}
