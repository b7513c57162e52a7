package dev.mcpspring.transport.stdio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.Content;
import dev.mcpspring.model.Implementation;
import dev.mcpspring.model.Tool;
import dev.mcpspring.server.McpServerHandler;
import dev.mcpspring.server.McpSessionService;
import dev.mcpspring.server.ToolCall;
import dev.mcpspring.server.ToolHandler;
import dev.mcpspring.server.ToolRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StdioMcpTransport}.
 */
class StdioMcpTransportTests {

	private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
			+ "\"io.modelcontextprotocol/clientCapabilities\":{}}";

	private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
			+ "\"params\":{\"protocolVersion\":\"2025-11-25\"}}";

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	@Test
	void servesSessionsStatelessRequestsAndMalformedLinesUntilEndOfInput() throws Exception {
		String input = String.join("\n", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
				"{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"server/discover\",\"params\":{" + META + "}}", "not json",
				"{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}",
				"{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}", "");
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		CountDownLatch ended = new CountDownLatch(1);
		McpSessionService handler = McpSessionService
			.builder(McpServerHandler.builder(Implementation.of("test", "1.0")).build())
			.build();
		StdioMcpTransport transport = new StdioMcpTransport(handler, new JsonRpcCodec(this.jsonMapper),
				new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output, ended::countDown);
		transport.start();
		assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
		List<JsonNode> lines = awaitLines(output, 5);
		assertThat(lines.get(0).toString()).isEqualTo(
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32600,\"message\":\"Missing session id: send initialize first\"}}");
		assertThat(lines.get(1).path("result").path("supportedVersions").get(0).asString()).isEqualTo("2026-07-28");
		assertThat(lines.get(1).path("result").path("resultType").asString()).isEqualTo("complete");
		assertThat(lines.get(2).toString())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}");
		assertThat(lines.get(3).path("result").path("protocolVersion").asString()).isEqualTo("2025-11-25");
		assertThat(lines.get(4).toString()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{}}");
		assertThat(transport.isRunning()).isFalse();
	}

	// issue 19: the last calls were sometimes neither run nor answered when the input
	// ended
	@Test
	void everyRequestReadBeforeEndOfInputIsAnsweredBeforeTheTransportEnds() throws Exception {
		String input = String.join("\n", INITIALIZE, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
				"{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}",
				"{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}", "");
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		AtomicReference<String> outputAtEnd = new AtomicReference<>();
		CountDownLatch ended = new CountDownLatch(1);
		StdioMcpTransport transport = new StdioMcpTransport(handlerWithSlowTool(), new JsonRpcCodec(this.jsonMapper),
				new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output, () -> {
					outputAtEnd.set(output.toString(StandardCharsets.UTF_8));
					ended.countDown();
				});
		transport.start();
		assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
		List<JsonNode> lines = outputAtEnd.get().lines().map(this.jsonMapper::readTree).toList();
		assertThat(lines).extracting((line) -> line.path("id").asInt()).containsExactlyInAnyOrder(1, 2, 3);
		assertThat(lines).filteredOn((line) -> line.path("id").asInt() > 1)
			.allSatisfy((line) -> assertThat(line.at("/result/content/0/text").asString()).isEqualTo("done"));
	}

	// issue 20: invalid UTF-8 was decoded with replacement characters, overlong forms as
	// ASCII
	@Test
	void invalidUtf8LinesAreParseErrors() throws Exception {
		ByteArrayOutputStream input = new ByteArrayOutputStream();
		input.writeBytes((INITIALIZE + "\n").getBytes(StandardCharsets.UTF_8));
		for (String hex : List.of("C0AEC0AEC0AF", "FF", "EDA080")) {
			input.writeBytes("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\",\"params\":{\"x\":\""
				.getBytes(StandardCharsets.UTF_8));
			input.writeBytes(java.util.HexFormat.of().parseHex(hex));
			input.writeBytes("\"}}\n".getBytes(StandardCharsets.UTF_8));
		}
		input.writeBytes("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}\n".getBytes(StandardCharsets.UTF_8));
		List<JsonNode> lines = run(input.toByteArray(), 5);
		for (int i = 1; i <= 3; i++) {
			assertThat(lines.get(i).toString())
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}");
		}
		assertThat(lines.get(4).toString()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{}}");
	}

	@Test
	void overlongLineIsRefusedAndTheNextLineIsServed() throws Exception {
		String tooLong = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\",\"params\":{\"x\":\"" + "x".repeat(2_000)
				+ "\"}}";
		String input = String.join("\n", INITIALIZE, tooLong, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}", "");
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		CountDownLatch ended = new CountDownLatch(1);
		StdioMcpTransport transport = new StdioMcpTransport(handlerWithSlowTool(), new JsonRpcCodec(this.jsonMapper),
				new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output, ended::countDown, 1_000,
				Duration.ofSeconds(5));
		transport.start();
		assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
		List<JsonNode> lines = awaitLines(output, 3);
		assertThat(lines.get(1).toString())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Message too large\"}}");
		assertThat(lines.get(2).toString()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{}}");
	}

	@Test // gh-20
	void sameIdWhileInFlightIsInvalidRequest() throws Exception {
		String input = String.join("\n", INITIALIZE,
				"{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}",
				"{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}", "");
		List<JsonNode> lines = run(input.getBytes(StandardCharsets.UTF_8), 3);
		assertThat(lines.get(1).toString()).isEqualTo(
				"{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{\"code\":-32600,\"message\":\"Request id already in use\"}}");
		assertThat(lines.get(2).at("/result/content/0/text").asString()).isEqualTo("done");
	}

	private List<JsonNode> run(byte[] input, int expectedLines) throws Exception {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		CountDownLatch ended = new CountDownLatch(1);
		StdioMcpTransport transport = new StdioMcpTransport(handlerWithSlowTool(), new JsonRpcCodec(this.jsonMapper),
				new ByteArrayInputStream(input), output, ended::countDown);
		transport.start();
		assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
		return awaitLines(output, expectedLines);
	}

	private static McpSessionService handlerWithSlowTool() {
		ToolRegistry tools = new ToolRegistry();
		Tool slow = new Tool("slow", null, "Takes its time",
				JsonNodeFactory.instance.objectNode().put("type", "object"), null, null, null, null);
		tools.register(new ToolHandler() {

			@Override
			public Tool getTool() {
				return slow;
			}

			@Override
			public Mono<CallToolResult> call(ToolCall call) {
				return Mono.delay(Duration.ofMillis(300)).map((tick) -> CallToolResult.of(Content.text("done")));
			}

		});
		return McpSessionService
			.builder(McpServerHandler.builder(Implementation.of("test", "1.0")).toolRegistry(tools).build())
			.build();
	}

	private List<JsonNode> awaitLines(ByteArrayOutputStream output, int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			List<String> lines = output.toString(StandardCharsets.UTF_8).lines().toList();
			if (lines.size() >= count) {
				return lines.stream().map(this.jsonMapper::readTree).toList();
			}
			Thread.sleep(20);
		}
		throw new AssertionError("Expected " + count + " lines but got: " + output.toString(StandardCharsets.UTF_8));
	}

}
