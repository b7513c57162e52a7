package dev.mcpspring.transport.stdio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.model.Implementation;
import dev.mcpspring.server.McpServerHandler;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StdioMcpTransport}.
 */
class StdioMcpTransportTests {

	private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
			+ "\"io.modelcontextprotocol/clientCapabilities\":{}}";

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	@Test
	void servesSessionsStatelessRequestsAndMalformedLinesUntilEndOfInput() throws Exception {
		String input = String.join("\n", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
				"{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"server/discover\",\"params\":{" + META + "}}", "not json",
				"{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}",
				"{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}", "");
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		CountDownLatch ended = new CountDownLatch(1);
		McpServerHandler handler = McpServerHandler.builder(Implementation.of("test", "1.0")).build();
		StdioMcpTransport transport = new StdioMcpTransport(handler, new JsonRpcCodec(this.jsonMapper),
				new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output, ended::countDown);
		transport.start();
		assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
		List<JsonNode> lines = awaitLines(output, 5);
		assertThat(lines.get(0).toString())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32600,\"message\":\"Send initialize first\"}}");
		assertThat(lines.get(1).path("result").path("supportedVersions").get(0).asString()).isEqualTo("2026-07-28");
		assertThat(lines.get(1).path("result").path("resultType").asString()).isEqualTo("complete");
		assertThat(lines.get(2).toString())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}");
		assertThat(lines.get(3).path("result").path("protocolVersion").asString()).isEqualTo("2025-11-25");
		assertThat(lines.get(4).toString()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{}}");
		assertThat(transport.isRunning()).isFalse();
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
