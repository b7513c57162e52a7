package dev.mcpspring.sample;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.mcpspring.sample.PrometheusTextFormat.Sample;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives MCP traffic through the sample app, then scrapes {@code /actuator/prometheus} as
 * Prometheus does and checks the MCP series.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PrometheusScrapeIntegrationTests {

	private static final String OPERATION_COUNT = "mcp_server_operation_seconds_count";

	@LocalServerPort
	private int port;

	@Test
	void scrapeHasOperationTimersAndSessionGauges() throws Exception {
		McpHttpScript mcp = new McpHttpScript(this.port);
		assertThat(mcp.initialize().statusCode()).isEqualTo(200);
		assertThat(mcp.request("tools/list", "{}").body()).contains("search_books");
		assertThat(mcp.toolsCall("echo", "{\"message\":\"one\"}").body()).contains("one");
		assertThat(mcp.toolsCall("echo", "{\"message\":\"two\"}").body()).contains("two");
		assertThat(mcp.toolsCall("book_cover", "{\"isbn\":\"000\"}").body()).contains("\"isError\":true");
		assertThat(mcp.toolsCall("no_such_tool", "{}").body()).contains("-32602");

		HttpResponse<String> scrape = mcp.get("/actuator/prometheus", "text/plain;version=0.0.4");
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(
				(contentType) -> assertThat(contentType).startsWith("text/plain").contains("version=0.0.4"));
		List<Sample> samples = PrometheusTextFormat.parse(scrape.body());

		assertThat(value(samples, OPERATION_COUNT,
				Map.of("mcp_method_name", "initialize", "error_type", "none", "mcp_protocol_version", "2025-11-25")))
			.isGreaterThanOrEqualTo(1);
		assertThat(value(samples, OPERATION_COUNT, Map.of("mcp_method_name", "tools/list", "gen_ai_tool_name", "none")))
			.isGreaterThanOrEqualTo(1);
		assertThat(value(samples, OPERATION_COUNT,
				Map.of("mcp_method_name", "tools/call", "gen_ai_tool_name", "echo", "error_type", "none")))
			.isGreaterThanOrEqualTo(2);
		assertThat(value(samples, OPERATION_COUNT,
				Map.of("mcp_method_name", "tools/call", "gen_ai_tool_name", "book_cover", "error_type", "tool_error")))
			.isGreaterThanOrEqualTo(1);
		assertThat(value(samples, OPERATION_COUNT,
				Map.of("mcp_method_name", "tools/call", "gen_ai_tool_name", "unknown", "error_type", "-32602")))
			.isGreaterThanOrEqualTo(1);
		assertThat(samples).noneMatch((sample) -> "no_such_tool".equals(sample.labels().get("gen_ai_tool_name")));
		assertThat(value(samples, "mcp_server_operation_seconds_sum",
				Map.of("mcp_method_name", "tools/call", "gen_ai_tool_name", "echo")))
			.isPositive();
		assertThat(value(samples, "mcp_server_sessions_active", Map.of())).isGreaterThanOrEqualTo(1);
		assertThat(samples).anyMatch((sample) -> sample.name().equals("mcp_server_streams_open"));
	}

	private static double value(List<Sample> samples, String name, Map<String, String> labels) {
		return samples.stream()
			.filter((sample) -> sample.name().equals(name) && sample.hasLabels(labels))
			.mapToDouble(Sample::value)
			.sum();
	}

}
