package dev.mcpspring.transport.webflux;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.mcpspring.test.EchoServerApplication;
import dev.mcpspring.test.RawHttp;
import dev.mcpspring.test.RawHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Host check (DNS-rebinding defence) applies to a server bound to a loopback address
 * or with allowed hosts configured; a server bound to every interface, as behind a load
 * balancer, answers under any Host. The Origin check applies everywhere. Raw requests to
 * a real Netty server (issue 12.4).
 *
 * @author MCP Spring Boot team
 */
@ExtendWith(OutputCaptureExtension.class)
class McpHostCheckIntegrationTests {

	private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
			+ "\"io.modelcontextprotocol/clientCapabilities\":{}}";

	private static final String ECHO = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{" + META
			+ ",\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}";

	private static final String HEADERS = "Accept: application/json, text/event-stream\n"
			+ "Content-Type: application/json\nMCP-Protocol-Version: 2026-07-28\nMcp-Method: tools/call\n"
			+ "Mcp-Name: echo\n";

	@ParameterizedTest
	@ValueSource(strings = { "", "0.0.0.0" })
	void serverOnEveryInterfaceAnswersUnderAnyHost(String address) throws IOException {
		try (ConfigurableApplicationContext context = start(
				address.isEmpty() ? List.of() : List.of("server.address=" + address))) {
			Response response = post(context, "mcp.example.test", null);
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			assertThat(response.body()).contains("echo hi");
			assertThat(post(context, "10.1.2.3:8080", null).status()).isEqualTo(200);
		}
	}

	@Test
	void serverOnEveryInterfaceStillChecksOrigin(CapturedOutput output) throws IOException {
		try (ConfigurableApplicationContext context = start(List.of("server.address=0.0.0.0"))) {
			Response response = post(context, "mcp.example.test", "https://evil.example.com");
			assertThat(response.status()).isEqualTo(403);
			assertThat(response.body()).contains("Forbidden origin");
			assertThat(post(context, "mcp.example.test", "https://evil2.example.com").status()).isEqualTo(403);
			assertThat(warnings(output, "Refused a request from origin"))
				.containsExactly("Refused a request from origin 'https://evil.example.com'");
		}
	}

	@Test
	void serverOnLoopbackRefusesOtherHosts(CapturedOutput output) throws IOException {
		try (ConfigurableApplicationContext context = start(List.of("server.address=127.0.0.1"))) {
			Response response = post(context, "mcp.example.test", null);
			assertThat(response.status()).isEqualTo(403);
			assertThat(response.body()).contains("Forbidden host");
			assertThat(post(context, "rebound.example.test", null).status()).isEqualTo(403);
			assertThat(post(context, "localhost:8080", null).status()).isEqualTo(200);
			assertThat(warnings(output, "Refused a request for host"))
				.containsExactly("Refused a request for host 'mcp.example.test'");
		}
	}

	@Test
	void configuredHostsAreCheckedOnEveryInterface() throws IOException {
		try (ConfigurableApplicationContext context = start(
				List.of("server.address=0.0.0.0", "mcp.server.transport.allowed-hosts=mcp.example.test"))) {
			assertThat(post(context, "mcp.example.test", null).status()).isEqualTo(200);
			Response response = post(context, "other.example.test", null);
			assertThat(response.status()).isEqualTo(403);
			assertThat(response.body()).contains("Forbidden host");
		}
	}

	private static List<String> warnings(CapturedOutput output, String prefix) {
		List<String> warnings = new ArrayList<>();
		for (String line : output.getAll().split("\\R")) {
			int start = line.indexOf(prefix);
			if (line.contains("WARN") && start >= 0) {
				warnings.add(line.substring(start, line.indexOf('\'', line.indexOf('\'', start) + 1) + 1));
			}
		}
		return warnings;
	}

	private static ConfigurableApplicationContext start(List<String> properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off"));
		all.addAll(properties);
		return new SpringApplicationBuilder(EchoServerApplication.class).web(WebApplicationType.REACTIVE)
			.properties(all.toArray(String[]::new))
			.run();
	}

	private static Response post(ConfigurableApplicationContext context, String host, String origin)
			throws IOException {
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		String head = "POST /mcp HTTP/1.1\nHost: " + host + "\n" + ((origin != null) ? "Origin: " + origin + "\n" : "")
				+ HEADERS;
		return RawHttp.exchange(port, head, ECHO);
	}

}
