package dev.mcpspring.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import dev.mcpspring.annotation.McpComplete;
import dev.mcpspring.annotation.McpPrompt;
import dev.mcpspring.annotation.McpResource;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.test.BadInputs;
import dev.mcpspring.test.RawHttp;
import dev.mcpspring.test.StdioPipe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures of prompts, resources and completions are translated once, in the engine
 * (issue 14.1): a user {@link McpFeatureExceptionResolver} bean is applied, and the same
 * exception gets the same JSON-RPC error over Streamable HTTP (session and stateless),
 * legacy HTTP+SSE and stdio, with nothing of the exception in it.
 *
 * @author MCP Spring Boot team
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpFeatureExceptionResolverIntegrationTests {

	private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
			+ "\"io.modelcontextprotocol/clientCapabilities\":{}}";

	private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
			+ "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

	private static final String ACCEPT = "Accept: application/json, text/event-stream\n";

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private ConfigurableApplicationContext context;

	private int port;

	private String sessionId;

	private StdioPipe stdio;

	private Socket sseSocket;

	private BufferedReader sseEvents;

	private String sseMessagePath;

	@BeforeAll
	void start() throws IOException {
		this.context = new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "spring.main.banner-mode=off", "mcp.server.transport.sse.enabled=true")
			.run();
		this.port = this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		RawHttp.Response response = RawHttp.exchange(this.port,
				"POST /mcp HTTP/1.1\nHost: localhost\n" + ACCEPT + "Content-Type: application/json\n", INITIALIZE);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		this.sessionId = response.header("Mcp-Session-Id");
		openLegacySse();
		this.stdio = new StdioPipe(this.context.getBean(McpSessionService.class),
				this.context.getBean(JsonRpcCodec.class));
		assertThat(this.stdio.exchange(INITIALIZE).path("result").isObject()).isTrue();
	}

	@AfterAll
	void stop() throws IOException {
		this.sseSocket.close();
		this.stdio.close();
		this.context.close();
	}

	static Stream<Arguments> failures() {
		return Stream.of("broken", "quota")
			.flatMap((kind) -> Stream.of(
					Arguments.of(kind, "prompts/get", "{\"name\":\"" + kind + "\",\"arguments\":{\"a\":\"x\"}}"),
					Arguments.of(kind, "resources/read", "{\"uri\":\"" + kind + "://x\"}"),
					Arguments.of(kind, "completion/complete", "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"" + kind
							+ "\"},\"argument\":{\"name\":\"a\",\"value\":\"b\"}}")));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("failures")
	void sameFailureGetsTheSameErrorOnEveryTransport(String kind, String method, String params) throws IOException {
		JsonRpcError expected = kind.equals("broken")
				? JsonRpcError.of(JsonRpcErrorCodes.INTERNAL_ERROR, "Internal error")
				: JsonRpcError.of(JsonRpcErrorCodes.INVALID_PARAMS, "Quota exceeded");
		String session = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + params + "}";
		String stateless = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":{" + META + ","
				+ params.substring(1) + "}";
		// the stateless revision mirrors the error in the status: 400 for -32602
		int statelessStatus = kind.equals("broken") ? 200 : 400;
		List<JsonNode> answers = List.of(httpSession(session),
				httpStateless(method, params, stateless, statelessStatus), legacySse(session),
				this.stdio.exchange(session), this.stdio.exchange(stateless));
		for (JsonNode answer : answers) {
			assertThat(answer.path("id").asInt()).as(answer.toString()).isEqualTo(7);
			assertThat(answer.path("error").path("code").asInt()).as(answer.toString()).isEqualTo(expected.code());
			assertThat(answer.path("error").path("message").asString()).isEqualTo(expected.message());
			assertThat(answer.toString()).doesNotContain(BadInputs.CANARY).doesNotContain("Exception");
		}
	}

	private JsonNode httpSession(String body) throws IOException {
		RawHttp.Response response = RawHttp.exchange(this.port,
				"POST /mcp HTTP/1.1\nHost: localhost\n" + ACCEPT + "Content-Type: application/json\n"
						+ "MCP-Protocol-Version: 2025-11-25\nMcp-Session-Id: " + this.sessionId + "\n",
				body.getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return json(response.body());
	}

	private JsonNode httpStateless(String method, String params, String body, int status) throws IOException {
		String name = params.replaceAll(".*?\"(?:name|uri)\":\"([^\"]*)\".*", "$1");
		String nameHeader = method.equals("completion/complete") ? "" : "Mcp-Name: " + name + "\n";
		RawHttp.Response response = RawHttp.exchange(this.port,
				"POST /mcp HTTP/1.1\nHost: localhost\n" + ACCEPT + "Content-Type: application/json\n"
						+ "MCP-Protocol-Version: 2026-07-28\nMcp-Method: " + method + "\n" + nameHeader,
				body.getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return json(response.body());
	}

	/**
	 * Open a legacy HTTP+SSE connection (2024-11-05) and initialize its session.
	 */
	private void openLegacySse() throws IOException {
		this.sseSocket = new Socket();
		this.sseSocket.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
		this.sseSocket.setSoTimeout(10_000);
		this.sseSocket.getOutputStream()
			.write("GET /sse HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n"
				.getBytes(StandardCharsets.ISO_8859_1));
		this.sseEvents = new BufferedReader(
				new InputStreamReader(this.sseSocket.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while (!(line = this.sseEvents.readLine()).startsWith("data:/")) {
			// headers, chunk sizes and the event name
		}
		this.sseMessagePath = line.substring(5).strip();
		JsonNode initialized = legacySse(
				INITIALIZE.replace("2025-11-25", "2024-11-05").replace("\"id\":1", "\"id\":7"));
		assertThat(initialized.path("result").path("protocolVersion").asString()).isEqualTo("2024-11-05");
	}

	/**
	 * Post a message with id 7 on the legacy transport and read its answer from the
	 * stream.
	 */
	private JsonNode legacySse(String body) throws IOException {
		RawHttp.Response accepted = RawHttp.exchange(this.port,
				"POST " + this.sseMessagePath + " HTTP/1.1\nHost: localhost\nContent-Type: application/json\n", body);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		String line;
		while (!((line = this.sseEvents.readLine()).startsWith("data:") && line.contains("\"id\":7"))) {
			// keep-alive comments, chunk sizes, event names
		}
		return json(line);
	}

	private JsonNode json(String body) {
		String trimmed = body.strip();
		if (!trimmed.startsWith("{")) {
			trimmed = trimmed.lines()
				.filter((line) -> line.startsWith("data:"))
				.reduce((first, second) -> second)
				.orElseThrow()
				.substring(5);
		}
		return this.jsonMapper.readTree(trimmed);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(exclude = { ReactiveWebSecurityAutoConfiguration.class,
			ReactiveUserDetailsServiceAutoConfiguration.class, ReactiveManagementWebSecurityAutoConfiguration.class })
	static class App {

		@Bean
		Features features() {
			return new Features();
		}

		@Bean
		McpFeatureExceptionResolver quotaResolver() {
			return McpFeatureExceptionResolver.forSingleError((ex, request) -> (ex instanceof QuotaException)
					? JsonRpcError.of(JsonRpcErrorCodes.INVALID_PARAMS, "Quota exceeded") : null);
		}

	}

	static class QuotaException extends RuntimeException {

		QuotaException() {
			super("quota of " + BadInputs.CANARY + " exceeded");
		}

	}

	static class Features {

		@McpPrompt
		String broken(String a) {
			throw new IllegalStateException("secret " + BadInputs.CANARY);
		}

		@McpPrompt
		String quota(String a) {
			throw new QuotaException();
		}

		@McpResource(uri = "broken://{name}")
		String brokenFile(String name) {
			throw new IllegalStateException("secret " + BadInputs.CANARY);
		}

		@McpResource(uri = "quota://{name}")
		String quotaFile(String name) {
			throw new QuotaException();
		}

		@McpComplete(prompt = "broken")
		List<String> completeBroken(String argument, String value) {
			throw new IllegalStateException("secret " + BadInputs.CANARY);
		}

		@McpComplete(prompt = "quota")
		List<String> completeQuota(String argument, String value) {
			throw new QuotaException();
		}

	}

}
