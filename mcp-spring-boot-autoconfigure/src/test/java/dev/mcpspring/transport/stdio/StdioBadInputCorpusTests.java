package dev.mcpspring.transport.stdio;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.mcpspring.annotation.McpComplete;
import dev.mcpspring.annotation.McpPrompt;
import dev.mcpspring.annotation.McpResource;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.server.McpSessionService;
import dev.mcpspring.test.BadInputs;
import dev.mcpspring.test.StdioPipe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stdio half of the bad-input corpus (issue 14.2): the inputs of the HTTP corpus
 * ({@link BadInputs}) written as lines to a real {@link StdioMcpTransport} serving the
 * auto-configured engine, on a session (2025-11-25) and as stateless requests
 * (2026-07-28). Each line gets a JSON-RPC error with the expected code, or nothing where
 * the transport ignores it (a blank line); no answer repeats the input or reveals the
 * server; and the transport still serves a normal call afterwards.
 *
 * @author MCP Spring Boot team
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StdioBadInputCorpusTests {

	private static final String SESSION = "2025-11-25";

	private static final String STATELESS = "2026-07-28";

	private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
			+ "\"io.modelcontextprotocol/clientCapabilities\":{}}";

	private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
			+ "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

	private ConfigurableApplicationContext context;

	private StdioPipe stdio;

	@BeforeAll
	void start() {
		this.context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "spring.main.web-application-type=none")
			.run();
		this.stdio = new StdioPipe(this.context.getBean(McpSessionService.class),
				this.context.getBean(JsonRpcCodec.class));
		assertThat(this.stdio.exchange(INITIALIZE).path("result").path("protocolVersion").asString())
			.isEqualTo(SESSION);
		this.stdio
			.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}".getBytes(StandardCharsets.UTF_8));
	}

	@AfterAll
	void stop() {
		this.stdio.close();
		this.context.close();
	}

	static Stream<Arguments> malformedLines() {
		List<Arguments> cases = new ArrayList<>();
		for (String revision : List.of(SESSION, STATELESS)) {
			String params = revision.equals(SESSION) ? "{}" : "{" + META + "}";
			BadInputs.bodies("tools/list", params).forEach((body) -> cases.add(Arguments.of(revision, body)));
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("malformedLines")
	void malformedLineIsAJsonRpcErrorOrIgnored(String revision, BadInputs.Body body) {
		List<String> answers = this.stdio.sendThenPing(body.content());
		if (isBlank(body.content())) {
			// one message per line: a blank line carries none, and is skipped
			assertThat(answers).isEmpty();
		}
		else {
			assertThat(answers).hasSize(1);
			assertRefused(answers.get(0), body.code());
		}
		assertStillServing();
	}

	static Stream<Arguments> wrongParams() {
		return BadInputs.wrongParamCases(SESSION, STATELESS);
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("wrongParams")
	void wrongParameterTypesAreInvalidParams(String revision, String method, String params) {
		String answer = this.stdio.exchange(request(revision, method, params)).toString();
		assertRefused(answer,
				method.equals("c4n4ry/method") ? JsonRpcErrorCodes.METHOD_NOT_FOUND : JsonRpcErrorCodes.INVALID_PARAMS);
		assertStillServing();
	}

	static Stream<Arguments> failingFeatures() {
		List<Arguments> cases = new ArrayList<>();
		for (String revision : List.of(SESSION, STATELESS)) {
			cases.add(Arguments.of(revision, "tools/call", "{\"name\":\"fail\",\"arguments\":{\"text\":\"x\"}}",
					"\"isError\":true"));
			String internal = "\"error\":{\"code\":" + JsonRpcErrorCodes.INTERNAL_ERROR
					+ ",\"message\":\"Internal error\"}";
			cases.add(Arguments.of(revision, "prompts/get", "{\"name\":\"broken\",\"arguments\":{\"a\":\"x\"}}",
					internal));
			cases.add(Arguments.of(revision, "resources/read", "{\"uri\":\"broken://x\"}", internal));
			cases.add(Arguments.of(revision, "completion/complete",
					"{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"broken\"},\"argument\":{\"name\":\"a\",\"value\":\"b\"}}",
					internal));
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("failingFeatures")
	void unexpectedExceptionsRevealNothing(String revision, String method, String params, String expected) {
		String answer = this.stdio.exchange(request(revision, method, params)).toString();
		assertThat(answer).contains(expected);
		assertGeneric(answer);
		assertStillServing();
	}

	@Test
	void overlongLineIsRefusedAndReadingGoesOn() {
		byte[] line = ("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + BadInputs.CANARY.repeat(1_000_000) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		List<String> answers = this.stdio.sendThenPing(line);
		assertThat(answers).hasSize(1);
		assertRefused(answers.get(0), JsonRpcErrorCodes.INVALID_REQUEST);
		assertStillServing();
	}

	@Test
	void controlCharactersAndCarriageReturnsInALineAreParseErrors() {
		for (String line : List.of("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\u0000\"}",
				"{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"c4n4ry\rping\"}", "\u001b[2J" + BadInputs.CANARY)) {
			List<String> answers = this.stdio.sendThenPing(line.getBytes(StandardCharsets.UTF_8));
			assertThat(answers).hasSize(1);
			assertRefused(answers.get(0), JsonRpcErrorCodes.PARSE_ERROR);
		}
		assertStillServing();
	}

	private static String request(String revision, String method, String params) {
		String withMeta = (!revision.equals(STATELESS) || !params.startsWith("{")) ? params
				: (params.equals("{}") ? "{" + META + "}" : "{" + META + "," + params.substring(1));
		return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + withMeta + "}";
	}

	private static boolean isBlank(byte[] line) {
		return new String(line, StandardCharsets.UTF_8).isBlank();
	}

	private static void assertRefused(String answer, int code) {
		assertThat(answer).contains("\"error\":{\"code\":" + code + ",");
		assertGeneric(answer);
	}

	private static void assertGeneric(String answer) {
		assertThat(answer).doesNotContain(BadInputs.CANARY)
			.doesNotContain("Exception")
			.doesNotContain("dev.mcpspring")
			.doesNotContain("tools.jackson")
			.doesNotContain("\tat ");
	}

	private void assertStillServing() {
		JsonNode answer = this.stdio.exchange("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"tools/call\",\"params\":{"
				+ META + ",\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}");
		assertThat(answer.toString()).contains("echo hi");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
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
