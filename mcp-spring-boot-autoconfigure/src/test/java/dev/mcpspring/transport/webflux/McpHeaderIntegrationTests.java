package dev.mcpspring.transport.webflux;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.mcpspring.annotation.McpHeader;
import dev.mcpspring.annotation.McpTool;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Request headers reach tools through {@code @McpHeader} and {@code HttpHeaders}
 * parameters over real HTTP, on a session and on the stateless revision; credentials do
 * not, unless exposed on purpose (issue 18.2).
 *
 * @author MCP Spring Boot team
 */
class McpHeaderIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper jsonMapper = new JsonMapper();

	@Test
	void headerReachesToolOnASessionButAuthorizationAndCookiesDoNot() {
		try (ConfigurableApplicationContext context = start()) {
			WebClient client = client(context);
			String session = initialize(client);
			JsonNode result = post(client, session, toolCall("tenant"));
			assertThat(result.at("/result/content/0/text").asString())
				.isEqualTo("tenant=acme authorization=null cookie=null multi=[a, b]");
			String names = post(client, session, toolCall("headerNames")).at("/result/content/0/text").asString();
			assertThat(names).contains("x-tenant", "mcp-session-id").doesNotContain("authorization", "cookie");
		}
	}

	@Test
	void headerReachesToolOnTheStatelessRevision() {
		try (ConfigurableApplicationContext context = start()) {
			JsonNode result = postStateless(client(context), "tenant");
			assertThat(result.at("/result/content/0/text").asString())
				.isEqualTo("tenant=acme authorization=null cookie=null multi=[a, b]");
		}
	}

	@Test
	void credentialsReachToolsWhenExposedOnPurpose() {
		try (ConfigurableApplicationContext context = start("mcp.server.tools.headers.expose-sensitive=true")) {
			JsonNode result = postStateless(client(context), "tenant");
			assertThat(result.at("/result/content/0/text").asString())
				.isEqualTo("tenant=acme authorization=Bearer secret cookie=id=42 multi=[a, b]");
		}
	}

	@Test
	void headerParametersAreNotInTheInputSchema() {
		try (ConfigurableApplicationContext context = start()) {
			WebClient client = client(context);
			String session = initialize(client);
			JsonNode tools = post(client, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
			for (JsonNode tool : tools.at("/result/tools")) {
				assertThat(tool.at("/inputSchema/properties").isEmpty()).as(tool.toString()).isTrue();
			}
		}
	}

	@Test
	void headerParameterOfAnotherTypeFailsStartupNamingTheMethod() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(BadApp.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "spring.main.banner-mode=off")
			.run()
			.close()).rootCause()
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("@McpHeader parameter 0 of")
			.hasMessageContaining("count(java.lang.Integer)")
			.hasMessageEndingWith("must be a String or a List<String>");
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "spring.main.banner-mode=off",
					"mcp.server.transport.streamable-http.response-mode=json")
			.properties(properties)
			.run();
	}

	private static WebClient client(ConfigurableApplicationContext context) {
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		return WebClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.defaultHeader(HttpHeaders.ACCEPT, "application/json, text/event-stream")
			.defaultHeader("X-Tenant", "acme")
			.defaultHeader("X-Multi", "a", "b")
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer secret")
			.defaultHeader(HttpHeaders.COOKIE, "id=42")
			.build();
	}

	private static String initialize(WebClient client) {
		String sessionId = client.post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.header("MCP-Protocol-Version", "2025-11-25")
			.bodyValue("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
					+ "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}")
			.exchangeToMono((response) -> response.releaseBody()
				.thenReturn(response.headers().asHttpHeaders().getFirst("Mcp-Session-Id")))
			.block(TIMEOUT);
		assertThat(sessionId).isNotNull();
		post(client, sessionId, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
		return sessionId;
	}

	private static JsonNode post(WebClient client, String sessionId, String body) {
		String text = client.post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.header("MCP-Protocol-Version", "2025-11-25")
			.header("Mcp-Session-Id", sessionId)
			.bodyValue(body)
			.retrieve()
			.bodyToMono(String.class)
			.defaultIfEmpty("{}")
			.block(TIMEOUT);
		return jsonMapper.readTree(text);
	}

	private static JsonNode postStateless(WebClient client, String tool) {
		String text = client.post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.header("MCP-Protocol-Version", "2026-07-28")
			.header("Mcp-Method", "tools/call")
			.header("Mcp-Name", tool)
			.bodyValue("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
					+ "\",\"arguments\":{},\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
					+ "\"io.modelcontextprotocol/clientCapabilities\":{}}}}")
			.retrieve()
			.bodyToMono(String.class)
			.block(TIMEOUT);
		return jsonMapper.readTree(text);
	}

	private static String toolCall(String name) {
		return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + name
				+ "\",\"arguments\":{}}}";
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(exclude = { ReactiveWebSecurityAutoConfiguration.class,
			ReactiveUserDetailsServiceAutoConfiguration.class, ReactiveManagementWebSecurityAutoConfiguration.class })
	static class App {

		@Bean
		HeaderTools headerTools() {
			return new HeaderTools();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(exclude = { ReactiveWebSecurityAutoConfiguration.class,
			ReactiveUserDetailsServiceAutoConfiguration.class, ReactiveManagementWebSecurityAutoConfiguration.class })
	static class BadApp {

		@Bean
		BadTools badTools() {
			return new BadTools();
		}

	}

	static class BadTools {

		@McpTool
		String count(@McpHeader("X-Count") Integer count) {
			return "count " + count;
		}

	}

	static class HeaderTools {

		@McpTool
		String tenant(@McpHeader("X-Tenant") String tenant, @McpHeader("Authorization") @Nullable String authorization,
				@McpHeader("cookie") @Nullable String cookie, @McpHeader("X-Multi") List<String> multi) {
			return "tenant=" + tenant + " authorization=" + authorization + " cookie=" + cookie + " multi=" + multi;
		}

		@McpTool
		String headerNames(HttpHeaders headers) {
			return headers.headerNames()
				.stream()
				.map((name) -> name.toLowerCase(Locale.ROOT))
				.sorted()
				.collect(Collectors.joining(","));
		}

	}

}
