package dev.mcpspring.observation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.Content;
import dev.mcpspring.model.Implementation;
import dev.mcpspring.model.ProtocolVersions;
import dev.mcpspring.server.McpClientChannel;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpResponse;
import dev.mcpspring.server.McpServerHandler;
import dev.mcpspring.server.PromptRegistry;
import dev.mcpspring.server.RequestHeaders;
import dev.mcpspring.server.ToolRegistry;
import dev.mcpspring.server.session.McpSession;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ObservationMcpServerInterceptor}.
 */
class ObservationMcpServerInterceptorTests {

	private final TestObservationRegistry observationRegistry = TestObservationRegistry.create();

	private final ToolRegistry toolRegistry = new ToolRegistry();

	private McpServerHandler serverHandler;

	@BeforeEach
	void setUp() {
		this.toolRegistry.register(TestTools.tool("echo", (call) -> CallToolResult.of(Content.text("hi"))));
		this.toolRegistry.register(TestTools.tool("broken", (call) -> CallToolResult.error("Out of stock")));
		this.serverHandler = McpServerHandler.builder(Implementation.of("test", "1.0.0"))
			.toolRegistry(this.toolRegistry)
			.interceptors(List.of(new ObservationMcpServerInterceptor(this.observationRegistry, this.toolRegistry,
					new PromptRegistry(), null)))
			.build();
	}

	@Test
	void successfulToolCallIsTaggedWithToolName() {
		handle(toolCall("echo"));
		TestObservationRegistryAssert.assertThat(this.observationRegistry)
			.hasObservationWithNameEqualTo("mcp.server.operation")
			.that()
			.hasContextualNameEqualTo("tools/call echo")
			.hasLowCardinalityKeyValue("mcp.method.name", "tools/call")
			.hasLowCardinalityKeyValue("gen_ai.tool.name", "echo")
			.hasLowCardinalityKeyValue("gen_ai.prompt.name", "none")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasLowCardinalityKeyValue("mcp.protocol.version", ProtocolVersions.LATEST)
			.hasHighCardinalityKeyValue("jsonrpc.request.id", "7")
			.doesNotHaveError()
			.hasBeenStarted()
			.hasBeenStopped();
	}

	@Test
	void toolResultWithIsErrorIsToolError() {
		handle(toolCall("broken"));
		TestObservationRegistryAssert.assertThat(this.observationRegistry)
			.hasObservationWithNameEqualTo("mcp.server.operation")
			.that()
			.hasLowCardinalityKeyValue("gen_ai.tool.name", "broken")
			.hasLowCardinalityKeyValue("error.type", "tool_error")
			.hasError();
	}

	@Test
	void unknownToolIsTaggedUnknownWithJsonRpcErrorCode() {
		McpResponse response = handle(toolCall("no-such-tool"));
		assertThat(response.message().error()).isNotNull();
		TestObservationRegistryAssert.assertThat(this.observationRegistry)
			.hasObservationWithNameEqualTo("mcp.server.operation")
			.that()
			.hasContextualNameEqualTo("tools/call")
			.hasLowCardinalityKeyValue("gen_ai.tool.name", "unknown")
			.hasLowCardinalityKeyValue("error.type", "-32602")
			.hasError();
	}

	@Test
	void unknownMethodIsJsonRpcError() {
		handle(new McpRequest(new JsonRpcRequest(JsonNodeFactory.instance.stringNode("a"), "nope/nope", null), null,
				ProtocolVersions.LATEST));
		TestObservationRegistryAssert.assertThat(this.observationRegistry)
			.hasObservationWithNameEqualTo("mcp.server.operation")
			.that()
			.hasLowCardinalityKeyValue("mcp.method.name", "unknown")
			.hasLowCardinalityKeyValue("gen_ai.tool.name", "none")
			.hasLowCardinalityKeyValue("error.type", "-32601")
			.hasHighCardinalityKeyValue("jsonrpc.request.id", "a");
	}

	@Test
	void initializeIsTaggedWithCreatedSessionAndNegotiatedVersion() {
		ObjectNode params = JsonNodeFactory.instance.objectNode().put("protocolVersion", "2025-06-18");
		params.putObject("capabilities");
		// the session service hands initialize the session it starts
		McpSession session = new McpSession("session-1", "2025-06-18", null, null, Instant.now());
		handle(new McpRequest(new JsonRpcRequest(JsonNodeFactory.instance.numberNode(1), "initialize", params), session,
				"2025-06-18"));
		TestObservationRegistryAssert.assertThat(this.observationRegistry)
			.hasObservationWithNameEqualTo("mcp.server.operation")
			.that()
			.hasLowCardinalityKeyValue("mcp.protocol.version", "2025-06-18")
			.hasHighCardinalityKeyValue("mcp.session.id", "session-1");
	}

	@Test
	void traceContextIsReadFromMeta() {
		McpRequest request = toolCall("echo");
		request.params()
			.putObject("_meta")
			.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
			.put("tracestate", "rojo=00f067aa0ba902b7");
		McpServerObservationContext context = new McpServerObservationContext(request);
		assertThat(context.getGetter().get(context.getCarrier(), "traceparent"))
			.isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		assertThat(context.getGetter().get(context.getCarrier(), "tracestate")).isEqualTo("rojo=00f067aa0ba902b7");
		assertThat(context.getGetter().get(context.getCarrier(), "baggage")).isNull();
	}

	@Test
	void traceContextIsReadFromHttpHeadersWhenMetaHasNone() {
		McpRequest toolCall = toolCall("echo");
		McpRequest request = new McpRequest(toolCall.message(), null, ProtocolVersions.LATEST,
				McpClientChannel.discard(), null, null, RequestHeaders
					.of(Map.of("traceparent", List.of("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))));
		McpServerObservationContext context = new McpServerObservationContext(request);
		assertThat(context.getGetter().get(context.getCarrier(), "traceparent"))
			.isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
		request.params()
			.putObject("_meta")
			.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		assertThat(context.getGetter().get(context.getCarrier(), "traceparent")).as("_meta wins over the headers")
			.isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
	}

	@Test
	void customConventionIsUsed() {
		McpServerObservationConvention convention = new DefaultMcpServerObservationConvention(
				"mcp.server.operation.duration") {

			@Override
			public KeyValues getLowCardinalityKeyValues(McpServerObservationContext context) {
				return super.getLowCardinalityKeyValues(context).and(KeyValue.of("tenant", "acme"));
			}

		};
		McpServerHandler handler = McpServerHandler.builder(Implementation.of("test", "1.0.0"))
			.toolRegistry(this.toolRegistry)
			.interceptors(List.of(new ObservationMcpServerInterceptor(this.observationRegistry, this.toolRegistry,
					new PromptRegistry(), convention)))
			.build();
		handler.handle(toolCall("echo")).block(Duration.ofSeconds(5));
		TestObservationRegistryAssert.assertThat(this.observationRegistry)
			.hasObservationWithNameEqualTo("mcp.server.operation.duration")
			.that()
			.hasLowCardinalityKeyValue("tenant", "acme");
	}

	private McpResponse handle(McpRequest request) {
		return this.serverHandler.handle(request).block(Duration.ofSeconds(5));
	}

	private static McpRequest toolCall(String name) {
		ObjectNode params = JsonNodeFactory.instance.objectNode().put("name", name);
		params.putObject("arguments");
		return new McpRequest(new JsonRpcRequest(JsonNodeFactory.instance.numberNode(7), "tools/call", params), null,
				ProtocolVersions.LATEST);
	}

}
