package dev.mcpspring.server;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcNotification;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.Content;
import dev.mcpspring.model.Implementation;
import dev.mcpspring.model.Tool;
import dev.mcpspring.server.session.InMemoryMcpSessionRepository;
import dev.mcpspring.server.session.McpSession;
import dev.mcpspring.server.session.SessionLimitExceededException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpServerHandler}.
 *
 * @author MCP Spring Boot team
 */
class McpServerHandlerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final Instant NOW = Instant.parse("2025-11-25T12:00:00Z");

	private final JsonRpcCodec codec = new JsonRpcCodec(JsonMapper.builder().build());

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final InMemoryMcpSessionRepository sessionRepository = new InMemoryMcpSessionRepository(2,
			Duration.ofMinutes(30), this.clock);

	private final ToolRegistry toolRegistry = new ToolRegistry();

	private final List<McpExceptionResolver> resolvers = new ArrayList<>(List.of(new DefaultMcpExceptionResolver()));

	private final AtomicReference<ToolCall> lastCall = new AtomicReference<>();

	McpServerHandlerTests() {
		this.toolRegistry.register(tool("echo", (call) -> Mono
			.just(CallToolResult.of(Content.text("echo " + call.arguments().path("text").asString("<none>"))))));
		this.toolRegistry
			.register(tool("args", (call) -> Mono.just(CallToolResult.of(Content.text(call.arguments().toString())))));
		this.toolRegistry.register(tool("notFound", (call) -> Mono.error(new ToolCallException("Order 42 not found"))));
		this.toolRegistry.register(tool("throwsNotFound", (call) -> {
			throw new ToolCallException("Thrown, not returned");
		}));
		this.toolRegistry.register(tool("leaky", (call) -> Mono
			.error(new IllegalStateException("password=hunter2 for jdbc:postgresql://db.internal/prod"))));
		this.toolRegistry.register(tool("leakyThrows", (call) -> {
			throw new IllegalArgumentException("token sk-SECRET-123");
		}));
		this.toolRegistry.register(tool("rpcError",
				(call) -> Mono.error(new McpException(JsonRpcErrorCodes.RESOURCE_NOT_FOUND, "Resource not found"))));
		this.toolRegistry.register(tool("invalidArgs",
				(call) -> Mono.error(new InvalidArgumentsException(List.of(
						new InvalidArgumentsException.FieldError("text", "is required"),
						new InvalidArgumentsException.FieldError("order.lines[0].quantity", "must be an integer"))))));
	}

	private McpServerHandler handler() {
		return handler(100);
	}

	private McpServerHandler handler(int pageSize) {
		return new McpServerHandler(new Implementation("test-server", "Test Server", "1.2.3", null, null, null),
				"Use the echo tool", this.toolRegistry, this.resolvers, pageSize);
	}

	private ToolHandler tool(String name, Function<ToolCall, Mono<CallToolResult>> body) {
		Tool tool = new Tool(name, null, "The " + name + " tool",
				JsonNodeFactory.instance.objectNode().put("type", "object"), null, null, null, null);
		return new ToolHandler() {

			@Override
			public Tool getTool() {
				return tool;
			}

			@Override
			public Mono<CallToolResult> call(ToolCall call) {
				McpServerHandlerTests.this.lastCall.set(call);
				return body.apply(call);
			}

		};
	}

	private McpRequest request(String json) {
		return new McpRequest((JsonRpcRequest) this.codec.decode(json.getBytes(StandardCharsets.UTF_8)), null,
				"2025-11-25");
	}

	private McpRequest toolCall(String name, String arguments) {
		return request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + name + "\""
				+ ((arguments != null) ? ",\"arguments\":" + arguments : "") + "}}");
	}

	private void assertResponse(McpServerHandler handler, McpRequest request, String expectedJson) {
		StepVerifier.create(handler.handle(request)).assertNext((response) -> {
			assertThat(this.codec.encodeToString(response.message())).isEqualTo(expectedJson);
			assertThat(response.createdSession()).isNull();
		}).expectComplete().verify(TIMEOUT);
	}

	/**
	 * The session service around an engine, keeping sessions in this test's repository.
	 */
	private McpSessionService service(McpServerHandler handler) {
		return McpSessionService.builder(handler).repository(this.sessionRepository).clock(this.clock).build();
	}

	private Mono<McpResponse> serveInitialize(McpServerHandler handler, String params) {
		McpSessionService service = service(handler);
		return service
			.accept(request("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":" + params + "}")
				.message(), null, null, null)
			.flatMap((call) -> service.serve(call, McpClientChannel.discard()));
	}

	private McpResponse initialize(McpServerHandler handler, String params) {
		AtomicReference<McpResponse> result = new AtomicReference<>();
		StepVerifier.create(serveInitialize(handler, params))
			.consumeNextWith(result::set)
			.expectComplete()
			.verify(TIMEOUT);
		return result.get();
	}

	private void deliver(McpServerHandler handler, McpSession session, String method) {
		McpCall call = new McpCall(McpCall.Kind.SESSION, new JsonRpcNotification(method, null), session, "2025-11-25",
				null);
		StepVerifier.create(service(handler).deliver(call)).expectComplete().verify(TIMEOUT);
	}

	private JsonNode tree(McpResponse response) {
		return this.codec.getJsonMapper().readTree(this.codec.encodeToString(response.message()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25" })
	void initializeNegotiatesRequestedSupportedVersion(String version) {
		McpResponse response = initialize(handler(), "{\"protocolVersion\":\"" + version
				+ "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}");
		assertThat(tree(response).path("result").path("protocolVersion").asString()).isEqualTo(version);
		assertThat(response.createdSession().getProtocolVersion()).isEqualTo(version);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2024-10-07", "2025-01-01", "", "latest" })
	void initializeFallsBackToLatestVersionForUnsupportedVersion(String version) {
		McpResponse response = initialize(handler(), "{\"protocolVersion\":\"" + version + "\",\"capabilities\":{}}");
		assertThat(tree(response).path("result").path("protocolVersion").asString()).isEqualTo("2025-11-25");
		assertThat(response.createdSession().getProtocolVersion()).isEqualTo("2025-11-25");
	}

	@Test
	void initializeResult() {
		McpResponse response = initialize(handler(), "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{}}");
		JsonNode tree = tree(response);
		assertThat(tree.path("jsonrpc").asString()).isEqualTo("2.0");
		assertThat(tree.path("id").asInt()).isEqualTo(0);
		assertThat(tree.has("error")).isFalse();
		JsonNode result = tree.path("result");
		assertThat(result.path("serverInfo")).isEqualTo(this.codec.getJsonMapper()
			.readTree("{\"name\":\"test-server\",\"title\":\"Test Server\",\"version\":\"1.2.3\"}"));
		assertThat(result.path("instructions").asString()).isEqualTo("Use the echo tool");
		assertThat(result.path("capabilities").path("tools").isObject()).isTrue();
	}

	@Test
	void initializeSavesSession() {
		McpResponse response = initialize(handler(), "{\"protocolVersion\":\"2025-06-18\","
				+ "\"capabilities\":{\"roots\":{\"listChanged\":true}},\"clientInfo\":{\"name\":\"inspector\",\"version\":\"0.9\"}}");
		McpSession session = response.createdSession();
		assertThat(session).isNotNull();
		assertThat(session.getId()).matches("[\\x21-\\x7E]{22,}");
		assertThat(session.getId().getBytes(StandardCharsets.US_ASCII)).hasSizeGreaterThanOrEqualTo(22);
		assertThat(session.getCreatedAt()).isEqualTo(NOW);
		assertThat(session.getClientInfo())
			.isEqualTo(JsonNodeFactory.instance.objectNode().put("name", "inspector").put("version", "0.9"));
		assertThat(session.getClientCapabilities().path("roots").path("listChanged").asBoolean()).isTrue();
		assertThat(session.isInitialized()).isFalse();
		StepVerifier.create(this.sessionRepository.findById(session.getId()))
			.expectNext(session)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void initializedNotificationMarksSessionInitialized() {
		McpServerHandler handler = handler();
		McpSession session = initialize(handler, "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{}}")
			.createdSession();
		deliver(handler, session, "notifications/initialized");
		assertThat(session.isInitialized()).isTrue();
	}

	@Test
	void otherNotificationsAreIgnored() {
		McpServerHandler handler = handler();
		McpSession session = initialize(handler, "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{}}")
			.createdSession();
		deliver(handler, session, "notifications/unknown");
		assertThat(session.isInitialized()).isFalse();
	}

	@Test
	void eachInitializeCreatesNewSessionId() {
		McpServerHandler handler = handler();
		String first = initialize(handler, "{\"protocolVersion\":\"2025-11-25\"}").createdSession().getId();
		String second = initialize(handler, "{\"protocolVersion\":\"2025-11-25\"}").createdSession().getId();
		assertThat(first).isNotEqualTo(second);
		StepVerifier.create(this.sessionRepository.count()).expectNext(2L).expectComplete().verify(TIMEOUT);
	}

	@Test
	void initializeWithoutProtocolVersionIsInvalidParams() {
		assertResponse(handler(),
				request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}"),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"Missing protocolVersion\"}}");
		StepVerifier.create(this.sessionRepository.count()).expectNext(0L).expectComplete().verify(TIMEOUT);
	}

	@Test
	void initializeWithNonStringProtocolVersionIsInvalidParams() {
		assertResponse(handler(), request(
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":20251125}}"),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"Missing protocolVersion\"}}");
	}

	@Test
	void initializeWithoutParamsIsInvalidParams() {
		assertResponse(handler(), request("{\"jsonrpc\":\"2.0\",\"id\":\"i\",\"method\":\"initialize\"}"),
				"{\"jsonrpc\":\"2.0\",\"id\":\"i\",\"error\":{\"code\":-32602,\"message\":\"Missing params\"}}");
	}

	@Test
	void initializeBeyondSessionLimitFailsWithSessionLimitExceeded() {
		McpServerHandler handler = handler();
		initialize(handler, "{\"protocolVersion\":\"2025-11-25\"}");
		initialize(handler, "{\"protocolVersion\":\"2025-11-25\"}");
		StepVerifier.create(serveInitialize(handler, "{\"protocolVersion\":\"2025-11-25\"}"))
			.expectError(SessionLimitExceededException.class)
			.verify(TIMEOUT);
	}

	@Test
	void pingAnswersEmptyResult() {
		assertResponse(handler(), request("{\"jsonrpc\":\"2.0\",\"id\":\"p-1\",\"method\":\"ping\"}"),
				"{\"jsonrpc\":\"2.0\",\"id\":\"p-1\",\"result\":{}}");
	}

	@Test
	void unknownMethodIsMethodNotFound() {
		assertResponse(handler(), request("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/unknown\",\"params\":{}}"),
				"{\"jsonrpc\":\"2.0\",\"id\":5,\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}");
	}

	@Test
	void toolsListPaginates() {
		McpServerHandler handler = handler(5);
		StepVerifier.create(handler.handle(request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")))
			.assertNext((response) -> {
				JsonNode result = tree(response).path("result");
				assertThat(result.path("tools").valueStream().map((tool) -> tool.path("name").asString()).toList())
					.containsExactly("args", "echo", "invalidArgs", "leaky", "leakyThrows");
				assertThat(result.path("tools").get(1)).isEqualTo(this.codec.getJsonMapper()
					.readTree(
							"{\"name\":\"echo\",\"description\":\"The echo tool\",\"inputSchema\":{\"type\":\"object\"}}"));
				String cursor = result.path("nextCursor").asString();
				assertThat(cursor).isNotEmpty();
				StepVerifier.create(handler
					.handle(request("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{\"cursor\":\""
							+ cursor + "\"}}")))
					.assertNext((next) -> {
						JsonNode nextResult = tree(next).path("result");
						assertThat(nextResult.path("tools")
							.valueStream()
							.map((tool) -> tool.path("name").asString())
							.toList()).containsExactly("notFound", "rpcError", "throwsNotFound");
						assertThat(nextResult.has("nextCursor")).isFalse();
					})
					.expectComplete()
					.verify(TIMEOUT);
			})
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void toolsListWithInvalidCursorIsInvalidParams() {
		assertResponse(handler(),
				request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":\"bogus\"}}"),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"Invalid cursor\"}}");
		assertResponse(handler(),
				request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":7}}"),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"Invalid cursor\"}}");
	}

	@Test
	void callTool() {
		assertResponse(handler(), toolCall("echo", "{\"text\":\"hi\"}"),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"echo hi\"}]}}");
		ToolCall call = this.lastCall.get();
		assertThat(call.name()).isEqualTo("echo");
		assertThat(call.arguments()).isEqualTo(JsonNodeFactory.instance.objectNode().put("text", "hi"));
		assertThat(call.request().method()).isEqualTo("tools/call");
	}

	@Test
	void callUnknownToolIsInvalidParams() {
		assertResponse(handler(), toolCall("nope", "{}"),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"Unknown tool\"}}");
	}

	@Test
	void callWithoutToolNameIsInvalidParams() {
		assertResponse(handler(),
				request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"arguments\":{}}}"),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"Missing tool name\"}}");
		assertResponse(handler(),
				request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":3}}"),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"Missing tool name\"}}");
	}

	@Test
	void callWithoutParamsIsInvalidParams() {
		assertResponse(handler(), request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"}"),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"Missing params\"}}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "[{\"text\":\"hi\"}]", "\"text\"", "42", "true" })
	void argumentsMustBeObject(String arguments) {
		assertResponse(handler(), toolCall("echo", arguments),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"arguments must be an object\"}}");
		assertThat(this.lastCall.get()).isNull();
	}

	@Test
	void missingArgumentsAreEmptyObject() {
		assertResponse(handler(), toolCall("args", null),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"{}\"}]}}");
		assertThat(this.lastCall.get().arguments()).isEqualTo(JsonNodeFactory.instance.objectNode());
	}

	@Test
	void nullArgumentsAreEmptyObject() {
		assertResponse(handler(), toolCall("args", "null"),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"{}\"}]}}");
	}

	@Test
	void toolCallExceptionBecomesErrorResult() {
		assertResponse(handler(), toolCall("notFound", "{}"),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"Order 42 not found\"}],\"isError\":true}}");
	}

	@Test
	void thrownToolCallExceptionBecomesErrorResult() {
		assertResponse(handler(), toolCall("throwsNotFound", "{}"),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"Thrown, not returned\"}],\"isError\":true}}");
	}

	@Test
	void invalidArgumentsBecomeErrorResultNamingEveryField() {
		assertResponse(handler(), toolCall("invalidArgs", "{}"),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":"
						+ "\"Invalid arguments for tool 'invalidArgs': text: is required; order.lines[0].quantity: must be an integer\"}],"
						+ "\"isError\":true}}");
	}

	@Test
	void unexpectedExceptionBecomesGenericErrorResultWithoutLeaking() {
		StepVerifier.create(handler().handle(toolCall("leaky", "{}"))).assertNext((response) -> {
			String json = this.codec.encodeToString(response.message());
			assertThat(json)
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":"
						+ "\"An internal error occurred while running tool 'leaky'\"}],\"isError\":true}}");
			assertThat(json).doesNotContain("hunter2", "postgresql", "IllegalStateException", "java.lang");
		}).expectComplete().verify(TIMEOUT);
	}

	@Test
	void thrownUnexpectedExceptionBecomesGenericErrorResultWithoutLeaking() {
		StepVerifier.create(handler().handle(toolCall("leakyThrows", "{}"))).assertNext((response) -> {
			String json = this.codec.encodeToString(response.message());
			assertThat(json)
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":"
						+ "\"An internal error occurred while running tool 'leakyThrows'\"}],\"isError\":true}}");
			assertThat(json).doesNotContain("sk-SECRET-123", "IllegalArgumentException");
		}).expectComplete().verify(TIMEOUT);
	}

	@Test
	void mcpExceptionFromToolBecomesJsonRpcError() {
		assertResponse(handler(), toolCall("rpcError", "{}"),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32002,\"message\":\"Resource not found\"}}");
	}

	@Test
	void customResolversAreTriedInOrderAndFirstAnswerWins() {
		List<String> tried = new ArrayList<>();
		this.resolvers.add((ex, call) -> {
			tried.add("first");
			return Mono.empty();
		});
		this.resolvers.add(McpExceptionResolver.forSingleError((ex, call) -> {
			tried.add("second");
			return (ex instanceof IllegalStateException) ? CallToolResult.error("second: " + call.name()) : null;
		}));
		this.resolvers.add((ex, call) -> {
			tried.add("third");
			return Mono.just(CallToolResult.error("third"));
		});
		assertResponse(handler(), toolCall("leaky", "{}"),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"second: leaky\"}],\"isError\":true}}");
		assertThat(tried).containsExactly("first", "second");
		tried.clear();
		assertResponse(handler(), toolCall("leakyThrows", "{}"),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"third\"}],\"isError\":true}}");
		assertThat(tried).containsExactly("first", "second", "third");
	}

	@Test
	void defaultResolverComesBeforeCustomResolvers() {
		this.resolvers.add((ex, call) -> Mono.just(CallToolResult.error("custom")));
		assertResponse(handler(), toolCall("notFound", "{}"),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"Order 42 not found\"}],\"isError\":true}}");
	}

	@Test
	void customResolverFirstInListOverridesDefault() {
		this.resolvers.add(0, (ex, call) -> Mono.just(CallToolResult.error("custom " + ex.getMessage())));
		assertResponse(handler(), toolCall("notFound", "{}"),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"custom Order 42 not found\"}],\"isError\":true}}");
	}

	@Test
	void resolversDoNotSeeJsonRpcErrors() {
		this.resolvers.add(0, (ex, call) -> Mono.just(CallToolResult.error("swallowed")));
		assertResponse(handler(), toolCall("rpcError", "{}"),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32002,\"message\":\"Resource not found\"}}");
	}

	@Test
	void requestIdIsEchoed() {
		ObjectNode params = JsonNodeFactory.instance.objectNode().put("name", "echo");
		McpRequest request = new McpRequest(
				new JsonRpcRequest(JsonNodeFactory.instance.stringNode("abc-123"), "tools/call", params), null,
				"2025-11-25");
		assertResponse(handler(), request,
				"{\"jsonrpc\":\"2.0\",\"id\":\"abc-123\",\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"echo <none>\"}]}}");
	}

}
