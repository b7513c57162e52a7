package dev.mcpspring.server.task;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.Content;
import dev.mcpspring.model.Implementation;
import dev.mcpspring.model.Tool;
import dev.mcpspring.model.ToolExecution;
import dev.mcpspring.server.InputRequiredException;
import dev.mcpspring.server.McpClientChannel;
import dev.mcpspring.server.McpException;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpResponse;
import dev.mcpspring.server.McpServerHandler;
import dev.mcpspring.server.ToolCall;
import dev.mcpspring.server.ToolCallException;
import dev.mcpspring.server.ToolHandler;
import dev.mcpspring.server.ToolRegistry;
import dev.mcpspring.server.stateless.InputExchange;
import dev.mcpspring.server.stateless.RequestStateCodec;
import dev.mcpspring.server.stateless.StatelessSupport;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the tasks extension served by {@link McpServerHandler} ({@link McpTasks}).
 *
 * @author MCP Spring Boot team
 */
class McpTasksTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final ToolRegistry tools = new ToolRegistry();

	private final AtomicBoolean cancelled = new AtomicBoolean();

	private final List<McpServerHandler> handlers;

	private final AtomicInteger next = new AtomicInteger();

	McpTasksTests() {
		this.tools.register(tool("sync", null, (call) -> Mono.just(CallToolResult.of(Content.text("sync")))));
		this.tools.register(
				tool("optional", ToolExecution.OPTIONAL, (call) -> Mono.just(CallToolResult.of(Content.text("done")))));
		this.tools.register(
				tool("required", ToolExecution.REQUIRED, (call) -> Mono.error(new ToolCallException("job failed"))));
		this.tools.register(tool("protocol", ToolExecution.OPTIONAL,
				(call) -> Mono.error(new McpException(JsonRpcErrorCodes.INTERNAL_ERROR, "crashed"))));
		this.tools.register(tool("forever", ToolExecution.OPTIONAL,
				(call) -> Mono.<CallToolResult>never().doOnCancel(() -> this.cancelled.set(true))));
		this.tools.register(tool("confirm", ToolExecution.OPTIONAL, McpTasksTests::askTwice));
		this.tools.register(new ToolHandler() {

			@Override
			public Tool getTool() {
				return new Tool("prelude", null, null, JsonNodeFactory.instance.objectNode().put("type", "object"),
						null, null, null, null, new ToolExecution(ToolExecution.REQUIRED, List.of("a")));
			}

			@Override
			public Mono<CallToolResult> call(ToolCall call) {
				return askTwice(call);
			}

		});
		RequestStateCodec requestStates = RequestStateCodec.withRandomKey(Duration.ofMinutes(1), jsonMapper);
		this.handlers = createInstances(this.tools).stream()
			.map((tasks) -> McpServerHandler.builder(Implementation.of("test", "1.0"))
				.toolRegistry(this.tools)
				.jsonMapper(jsonMapper)
				.requestStateCodec(requestStates)
				.statelessExtension(tasks)
				.build())
			.toList();
	}

	/**
	 * Create the extension of each server instance; requests go to each in turn.
	 * @param tools the tools of the test
	 * @return the extensions
	 */
	List<McpTasks> createInstances(ToolRegistry tools) {
		return List.of(new McpTasks(tools, new InMemoryTaskStore(100, Clock.systemUTC()), jsonMapper,
				Duration.ofHours(1), Duration.ofMillis(500), Clock.systemUTC()));
	}

	@Test
	void discoverAdvertisesTheExtension() {
		JsonNode result = result(request("server/discover", null, true, null));
		assertThat(result.path("capabilities").path("extensions").has(McpTasks.EXTENSION)).isTrue();
		assertThat(result.path("capabilities").has("tasks")).isFalse();
	}

	@Test
	void taskCapableToolReturnsCreateTaskResultThenCompletes() {
		JsonNode created = result(call("optional", true));
		assertThat(created.path("resultType").asString()).isEqualTo("task");
		assertThat(created.has("task")).isFalse();
		assertThat(created.has("requestState")).isFalse();
		assertThat(created.path("ttlMs").isIntegralNumber()).isTrue();
		assertThat(created.path("createdAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
		assertThat(created.path("_meta").has(StatelessSupport.SERVER_INFO_META)).isTrue();
		JsonNode task = awaitStatus(created.path("taskId").asString(), "completed", null);
		assertThat(task.path("resultType").asString()).isEqualTo("complete");
		assertThat(task.path("result").path("content").get(0).path("text").asString()).isEqualTo("done");
	}

	@Test
	void syncToolStaysSyncAndLegacyTaskParamIsIgnored() {
		ObjectNode params = params("sync");
		params.putObject("task").put("ttl", 1000);
		JsonNode result = result(request("tools/call", params, true, null));
		assertThat(result.path("resultType").asString()).isEqualTo("complete");
		assertThat(result.has("taskId")).isFalse();
	}

	@Test
	void withoutTheExtensionOptionalToolRunsSynchronously() {
		JsonNode result = result(call("optional", false));
		assertThat(result.path("resultType").asString()).isEqualTo("complete");
		assertThat(result.path("content").get(0).path("text").asString()).isEqualTo("done");
	}

	@Test
	void withoutTheExtensionRequiredToolAndTaskMethodsAreRefused() {
		JsonRpcError error = error(call("required", false));
		assertThat(error.code()).isEqualTo(-32021);
		assertThat(jsonMapper.valueToTree(error.data())
			.path("requiredCapabilities")
			.path("extensions")
			.has(McpTasks.EXTENSION)).isTrue();
		for (String method : List.of("tasks/get", "tasks/update", "tasks/cancel")) {
			ObjectNode params = JsonNodeFactory.instance.objectNode().put("taskId", "x");
			params.putObject("inputResponses");
			assertThat(error(request(method, params, false, null)).code()).isEqualTo(-32021);
		}
	}

	@Test
	void toolErrorCompletesAndProtocolErrorFails() {
		JsonNode completed = awaitStatus(result(call("required", true)).path("taskId").asString(), "completed", null);
		assertThat(completed.path("result").path("isError").asBoolean()).isTrue();
		JsonNode failed = awaitStatus(result(call("protocol", true)).path("taskId").asString(), "failed", null);
		assertThat(failed.path("error").path("code").asInt()).isEqualTo(JsonRpcErrorCodes.INTERNAL_ERROR);
		assertThat(failed.has("result")).isFalse();
	}

	@Test
	void cancelDisposesTheRunAndAcknowledges() {
		String taskId = result(call("forever", true)).path("taskId").asString();
		JsonNode ack = result(taskRequest("tasks/cancel", taskId, null));
		assertThat(ack.path("resultType").asString()).isEqualTo("complete");
		assertThat(ack.has("status")).isFalse();
		await().atMost(TIMEOUT).untilTrue(this.cancelled);
		assertThat(result(taskRequest("tasks/get", taskId, null)).path("status").asString()).isEqualTo("cancelled");
		assertThat(result(taskRequest("tasks/cancel", taskId, null)).path("resultType").asString())
			.isEqualTo("complete");
	}

	@Test
	void unknownTaskAndOtherPrincipalGetNotFound() {
		String taskId = result(call("forever", true)).path("taskId").asString();
		assertThat(error(taskRequest("tasks/get", "nope", null)).code()).isEqualTo(JsonRpcErrorCodes.INVALID_PARAMS);
		assertThat(error(taskRequest("tasks/get", taskId, () -> "mallory")).code())
			.isEqualTo(JsonRpcErrorCodes.INVALID_PARAMS);
		assertThat(error(request("tasks/list", JsonNodeFactory.instance.objectNode(), true, null)).code())
			.isEqualTo(JsonRpcErrorCodes.METHOD_NOT_FOUND);
		assertThat(error(taskRequest("tasks/result", taskId, null)).code())
			.isEqualTo(JsonRpcErrorCodes.METHOD_NOT_FOUND);
	}

	@Test
	void inputRequiredTaskResumesAfterUpdates() {
		String taskId = result(call("confirm", true)).path("taskId").asString();
		JsonNode parked = awaitStatus(taskId, "input_required", null);
		assertThat(parked.path("inputRequests").propertyNames()).containsExactly("a");
		JsonNode ack = result(update(taskId, JsonNodeFactory.instance.objectNode().put("a", "1").put("zzz", "2")));
		assertThat(ack.path("resultType").asString()).isEqualTo("complete");
		assertThat(ack.has("taskId")).isFalse();
		JsonNode second = awaitStatus(taskId, "input_required", "b");
		assertThat(second.path("inputRequests").propertyNames()).containsExactly("b");
		result(update(taskId, JsonNodeFactory.instance.objectNode().put("b", "2")));
		JsonNode done = awaitStatus(taskId, "completed", null);
		assertThat(done.path("result").path("content").get(0).path("text").asString()).isEqualTo("a=1 b=2");
	}

	@Test
	void inputsBeforeTaskAreGatheredWithMultiRoundTripFirst() {
		JsonNode first = result(call("prelude", true));
		assertThat(first.path("resultType").asString()).isEqualTo("input_required");
		assertThat(first.has("taskId")).isFalse();
		ObjectNode params = params("prelude");
		params.putObject("inputResponses").put("a", "A");
		params.put("requestState", first.path("requestState").asString());
		JsonNode created = result(request("tools/call", params, true, null));
		assertThat(created.path("resultType").asString()).isEqualTo("task");
		assertThat(created.has("requestState")).isFalse();
		String taskId = created.path("taskId").asString();
		awaitStatus(taskId, "input_required", "b");
		result(update(taskId, JsonNodeFactory.instance.objectNode().put("b", "B")));
		assertThat(awaitStatus(taskId, "completed", null).path("result").path("content").get(0).path("text").asString())
			.isEqualTo("a=A b=B");
	}

	private static Mono<CallToolResult> askTwice(ToolCall call) {
		InputExchange inputs = call.request().inputs();
		for (String key : List.of("a", "b")) {
			if (inputs.response(key) == null) {
				inputs.require(key, "elicitation/create", JsonNodeFactory.instance.objectNode().put("message", key));
				return Mono.error(new InputRequiredException());
			}
		}
		return Mono.just(CallToolResult
			.of(Content.text("a=" + inputs.response("a").asString() + " b=" + inputs.response("b").asString())));
	}

	private JsonNode awaitStatus(String taskId, String status, String inputKey) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		JsonNode task = result(taskRequest("tasks/get", taskId, null));
		while (!(status.equals(task.path("status").asString())
				&& (inputKey == null || task.path("inputRequests").has(inputKey)))) {
			assertThat(System.nanoTime()).as("task %s never reached %s: %s", taskId, status, task).isLessThan(deadline);
			Mono.delay(Duration.ofMillis(20)).block();
			task = result(taskRequest("tasks/get", taskId, null));
		}
		return task;
	}

	private McpRequest update(String taskId, ObjectNode responses) {
		ObjectNode params = JsonNodeFactory.instance.objectNode().put("taskId", taskId);
		params.set("inputResponses", responses);
		return request("tasks/update", params, true, null);
	}

	private McpRequest taskRequest(String method, String taskId, Principal principal) {
		return request(method, JsonNodeFactory.instance.objectNode().put("taskId", taskId), true, principal);
	}

	private McpRequest call(String name, boolean extension) {
		return request("tools/call", params(name), extension, null);
	}

	private static ObjectNode params(String name) {
		ObjectNode params = JsonNodeFactory.instance.objectNode().put("name", name);
		params.putObject("arguments");
		return params;
	}

	private static McpRequest request(String method, ObjectNode params, boolean extension, Principal principal) {
		ObjectNode body = (params != null) ? params : JsonNodeFactory.instance.objectNode();
		ObjectNode meta = body.putObject("_meta");
		meta.put(McpRequest.PROTOCOL_VERSION_META, "2026-07-28");
		ObjectNode capabilities = meta.putObject(McpRequest.CLIENT_CAPABILITIES_META);
		capabilities.putObject("elicitation");
		if (extension) {
			capabilities.putObject("extensions").putObject(McpTasks.EXTENSION);
		}
		JsonRpcRequest message = new JsonRpcRequest(JsonNodeFactory.instance.numberNode(1), method, body);
		return new McpRequest(message, null, "2026-07-28", McpClientChannel.discard(), principal);
	}

	private McpServerHandler handler() {
		return this.handlers.get(this.next.getAndIncrement() % this.handlers.size());
	}

	private JsonNode result(McpRequest request) {
		McpResponse response = handler().handle(request).block(TIMEOUT);
		assertThat(response.message().error()).as("error of %s", request.method()).isNull();
		return jsonMapper.valueToTree(response.message().result());
	}

	private JsonRpcError error(McpRequest request) {
		McpResponse response = handler().handle(request).block(TIMEOUT);
		assertThat(response.message().error()).isNotNull();
		return response.message().error();
	}

	private static ToolHandler tool(String name, String taskSupport, Function<ToolCall, Mono<CallToolResult>> body) {
		ToolExecution execution = (taskSupport != null) ? new ToolExecution(taskSupport, List.of()) : null;
		Tool tool = new Tool(name, null, null, JsonNodeFactory.instance.objectNode().put("type", "object"), null, null,
				null, null, execution);
		return new ToolHandler() {

			@Override
			public Tool getTool() {
				return tool;
			}

			@Override
			public Mono<CallToolResult> call(ToolCall call) {
				return body.apply(call);
			}

		};
	}

}
