package dev.mcpspring.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.mcpspring.annotation.McpResource;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.test.RawHttp;
import dev.mcpspring.test.StdioPipe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mcp.server.middleware.mask-error-details} (issue 16.2): by default nothing of an
 * unexpected exception reaches the client, neither in an {@code isError} result nor in a
 * JSON-RPC error, on HTTP and stdio alike, while messages thrown on purpose in an
 * {@link McpException} stay visible; turned off, the exception's text is sent.
 *
 * @author MCP Spring Boot team
 */
class McpErrorMaskingIntegrationTests {

	private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
			+ "\"io.modelcontextprotocol/clientCapabilities\":{}}";

	private static final String HEAD = "POST /mcp HTTP/1.1\nHost: localhost\n"
			+ "Accept: application/json, text/event-stream\nContent-Type: application/json\n"
			+ "MCP-Protocol-Version: 2026-07-28\n";

	@Test
	void unexpectedExceptionsAreMaskedByDefault() throws IOException {
		try (ConfigurableApplicationContext context = start()) {
			for (JsonNode answer : answers(context, "tools/call", "leaky", "{\"name\":\"leaky\",\"arguments\":{}}")) {
				assertThat(answer.path("result").path("isError").asBoolean()).as(answer.toString()).isTrue();
				assertThat(answer.toString()).doesNotContain("hunter2")
					.doesNotContain("IllegalStateException")
					.contains("An internal error occurred while running tool 'leaky'");
			}
			for (JsonNode answer : answers(context, "resources/read", "leaky://x", "{\"uri\":\"leaky://x\"}")) {
				assertThat(answer.path("error").path("code").asInt()).as(answer.toString())
					.isEqualTo(JsonRpcErrorCodes.INTERNAL_ERROR);
				assertThat(answer.path("error").path("message").asString()).isEqualTo("Internal error");
				assertThat(answer.toString()).doesNotContain("hunter2");
			}
		}
	}

	@Test
	void messagesThrownOnPurposeStayVisible() throws IOException {
		try (ConfigurableApplicationContext context = start()) {
			for (JsonNode answer : answers(context, "tools/call", "refusing",
					"{\"name\":\"refusing\",\"arguments\":{}}")) {
				assertThat(answer.path("error").path("code").asInt()).as(answer.toString())
					.isEqualTo(JsonRpcErrorCodes.INVALID_PARAMS);
				assertThat(answer.path("error").path("message").asString()).isEqualTo("Refused on purpose");
			}
		}
	}

	@Test
	void detailsAreSentWhenMaskingIsOff() throws IOException {
		try (ConfigurableApplicationContext context = start("mcp.server.middleware.mask-error-details=false")) {
			for (JsonNode answer : answers(context, "tools/call", "leaky", "{\"name\":\"leaky\",\"arguments\":{}}")) {
				assertThat(answer.toString()).as(answer.toString()).contains("IllegalStateException: password=hunter2");
			}
			for (JsonNode answer : answers(context, "resources/read", "leaky://x", "{\"uri\":\"leaky://x\"}")) {
				assertThat(answer.path("error").path("message").asString())
					.isEqualTo("Internal error: IllegalStateException: password=hunter2");
			}
		}
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "spring.main.banner-mode=off")
			.properties(properties)
			.run();
	}

	/**
	 * Send the same request as a stateless HTTP request and over stdio.
	 */
	private static JsonNode[] answers(ConfigurableApplicationContext context, String method, String name, String params)
			throws IOException {
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":{" + META + ","
				+ params.substring(1) + "}";
		RawHttp.Response response = RawHttp.exchange(port,
				HEAD + "Mcp-Method: " + method + "\nMcp-Name: " + name + "\n", body.getBytes(StandardCharsets.UTF_8));
		JsonRpcCodec codec = context.getBean(JsonRpcCodec.class);
		try (StdioPipe stdio = new StdioPipe(context.getBean(McpSessionService.class), codec)) {
			return new JsonNode[] { codec.getJsonMapper().readTree(response.body()), stdio.exchange(body) };
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(exclude = { ReactiveWebSecurityAutoConfiguration.class,
			ReactiveUserDetailsServiceAutoConfiguration.class, ReactiveManagementWebSecurityAutoConfiguration.class })
	static class App {

		@Bean
		Features features() {
			return new Features();
		}

	}

	static class Features {

		@McpTool
		String leaky() {
			throw new IllegalStateException("password=hunter2");
		}

		@McpTool
		String refusing() {
			throw new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Refused on purpose");
		}

		@McpResource(uri = "leaky://{id}", name = "leaky")
		String leakyResource(String id) {
			throw new IllegalStateException("password=hunter2");
		}

	}

}
