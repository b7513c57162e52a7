package dev.mcpspring.transport.webflux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.mcpspring.annotation.McpComplete;
import dev.mcpspring.annotation.McpPrompt;
import dev.mcpspring.annotation.McpResource;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.test.BadInputs;
import dev.mcpspring.test.RawHttp;
import dev.mcpspring.test.RawHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input corpus over Streamable HTTP (issue 14.2): bodies, parameters, headers,
 * sizes, log injection and path traversal sent as raw bytes to a real Netty server, on
 * the session revision (2025-11-25) and on the stateless one (2026-07-28). Every case
 * checks the status, the JSON-RPC error code, that the answer repeats nothing of the
 * input and reveals nothing of the server, and that the server still answers afterwards.
 *
 * @author MCP Spring Boot team
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class McpBadInputCorpusTests {

	static final String SESSION = "2025-11-25";

	static final String STATELESS = "2026-07-28";

	private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
			+ "\"io.modelcontextprotocol/clientCapabilities\":{}}";

	private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
			+ "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

	private static final String ACCEPT = "Accept: application/json, text/event-stream\n";

	private ConfigurableApplicationContext context;

	private int port;

	private String sessionId;

	@BeforeAll
	void start() throws IOException {
		this.context = new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "spring.main.banner-mode=off", "mcp.server.logging.traffic=true",
					"logging.level.dev.mcpspring.traffic=debug")
			.run();
		this.port = this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		Response response = RawHttp.exchange(this.port,
				"POST /mcp HTTP/1.1\nHost: localhost\n" + ACCEPT + "Content-Type: application/json\n", INITIALIZE);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		this.sessionId = response.header("Mcp-Session-Id");
	}

	@AfterAll
	void stop() {
		this.context.close();
	}

	static Stream<Arguments> malformedBodies() {
		List<Arguments> cases = new ArrayList<>();
		for (String revision : List.of(SESSION, STATELESS)) {
			String params = revision.equals(SESSION) ? "{}" : "{" + META + "}";
			BadInputs.bodies("tools/list", params).forEach((body) -> cases.add(Arguments.of(revision, body)));
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("malformedBodies")
	void malformedBodyIsAJsonRpcError(String revision, BadInputs.Body body) throws IOException {
		Response response = post(revision, "Mcp-Method: tools/list\n", body.content());
		assertRefused(response, 400, body.code());
		assertStillServing();
	}

	static Stream<Arguments> wrongParams() {
		return BadInputs.wrongParamCases(SESSION, STATELESS);
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("wrongParams")
	void wrongParameterTypesAreInvalidParams(String revision, String method, String params) throws IOException {
		String withMeta = (!revision.equals(STATELESS) || !params.startsWith("{")) ? params
				: (params.equals("{}") ? "{" + META + "}" : "{" + META + "," + params.substring(1));
		String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + withMeta + "}";
		Response response = post(revision, "Mcp-Method: " + method + "\n" + nameHeader(params),
				body.getBytes(StandardCharsets.UTF_8));
		assertRefused(response, expectedStatus(revision, method, params), expectedCode(revision, method, params));
		assertStillServing();
	}

	private static int expectedCode(String revision, String method, String params) {
		if (method.equals("c4n4ry/method")) {
			return JsonRpcErrorCodes.METHOD_NOT_FOUND;
		}
		boolean named = List.of("tools/call", "prompts/get", "resources/read").contains(method);
		if (revision.equals(STATELESS) && named && (params.contains("\"name\"") || params.contains("\"uri\""))
				&& nameHeader(params).isEmpty()) {
			return JsonRpcErrorCodes.HEADER_MISMATCH;
		}
		return JsonRpcErrorCodes.INVALID_PARAMS;
	}

	private static int expectedStatus(String revision, String method, String params) {
		if (!params.startsWith("{")) {
			return 400;
		}
		if (revision.equals(SESSION)) {
			return 200;
		}
		return (method.equals("c4n4ry/method")) ? 404 : 400;
	}

	private static String nameHeader(String params) {
		String name = params.replaceAll(".*\"(?:name|uri)\":\"([^\"]*)\".*", "$1");
		return name.equals(params) ? "" : "Mcp-Name: " + name + "\n";
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("failingFeatures")
	void unexpectedExceptionsRevealNothing(String revision, String method, String params, int status, String expected)
			throws IOException {
		String withMeta = revision.equals(STATELESS) ? "{" + META + "," + params.substring(1) : params;
		String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + withMeta + "}";
		Response response = post(revision, "Mcp-Method: " + method + "\n" + nameHeader(params),
				body.getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.body()).contains(expected);
		assertGeneric(response);
		assertStillServing();
	}

	static Stream<Arguments> failingFeatures() {
		List<Arguments> cases = new ArrayList<>();
		for (String revision : List.of(SESSION, STATELESS)) {
			int status = 200;
			cases.add(Arguments.of(revision, "tools/call", "{\"name\":\"fail\",\"arguments\":{\"text\":\"x\"}}", status,
					"\"isError\":true"));
			cases.add(Arguments.of(revision, "prompts/get", "{\"name\":\"broken\",\"arguments\":{\"a\":\"x\"}}", status,
					"\"code\":" + JsonRpcErrorCodes.INTERNAL_ERROR + ","));
			cases.add(Arguments.of(revision, "resources/read", "{\"uri\":\"broken://x\"}", status,
					"\"code\":" + JsonRpcErrorCodes.INTERNAL_ERROR + ","));
			cases.add(Arguments.of(revision, "completion/complete",
					"{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"broken\"},\"argument\":{\"name\":\"a\",\"value\":\"b\"}}",
					status, "\"code\":" + JsonRpcErrorCodes.INTERNAL_ERROR + ","));
		}
		return cases.stream();
	}

	void assertRefused(Response response, int status, int code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.body()).contains("\"code\":" + code + ",");
		assertGeneric(response);
	}

	static void assertGeneric(Response response) {
		assertThat(response.body()).doesNotContain(BadInputs.CANARY)
			.doesNotContain("Exception")
			.doesNotContain("dev.mcpspring")
			.doesNotContain("tools.jackson")
			.doesNotContain("\tat ");
	}

	void assertStillServing() throws IOException {
		String echo = "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"tools/call\",\"params\":{" + META
				+ ",\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}";
		Response response = post(STATELESS, "Mcp-Method: tools/call\nMcp-Name: echo\n",
				echo.getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("echo hi");
	}

	Response post(String revision, String statelessHeaders, byte[] body) throws IOException {
		String headers = "POST /mcp HTTP/1.1\nHost: localhost\n" + ACCEPT + "Content-Type: application/json\n"
				+ "MCP-Protocol-Version: " + revision + "\n"
				+ (revision.equals(SESSION) ? "Mcp-Session-Id: " + this.sessionId + "\n" : statelessHeaders);
		return RawHttp.exchange(this.port, headers, body);
	}

	int port() {
		return this.port;
	}

	String sessionId() {
		return this.sessionId;
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
		String echo(String text) {
			return "echo " + text;
		}

		@McpTool
		String fail(String text) {
			throw new IllegalStateException("secret " + BadInputs.CANARY + " " + text);
		}

		@McpResource(uri = "files://{name}")
		String file(String name) {
			return "contents of " + name;
		}

		@McpPrompt
		String greet(String who) {
			return "Hello " + who;
		}

		@McpPrompt
		String broken(String a) {
			throw new IllegalStateException("secret " + BadInputs.CANARY);
		}

		@McpResource(uri = "broken://{name}")
		String brokenFile(String name) {
			throw new IllegalStateException("secret " + BadInputs.CANARY);
		}

		@McpComplete(prompt = "broken")
		List<String> completeBroken(String argument, String value) {
			throw new IllegalStateException("secret " + BadInputs.CANARY);
		}

		@McpComplete(prompt = "greet")
		List<String> completeWho(String argument, String value) {
			return List.of("Ada", "Alan");
		}

	}

}
