package dev.mcpspring.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static dev.mcpspring.sample.BookshopExpectations.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the sample's {@code conformance} profile with the official TypeScript SDK v2.x
 * client on the stateless revision 2026-07-28 ({@code server/discover}, per-request
 * {@code _meta}, multi round-trip {@code input_required} results) while a v1.x client
 * keeps a 2025-11-25 session open on the same endpoint: the Node script
 * {@code src/test/node/ts-sdk-v2-client.mjs} prints what both clients got.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("conformance")
@TestInstance(Lifecycle.PER_CLASS)
class StatelessTypeScriptSdkIntegrationTests {

	private static final String MODERN = "2026-07-28";

	@LocalServerPort
	private int port;

	private JsonNode v1;

	private JsonNode v2;

	@BeforeAll
	void runClients(@TempDir Path output) throws IOException, InterruptedException {
		JsonNode report = NodeClientScript.run("ts-sdk-v2-client.mjs", output, Duration.ofSeconds(60),
				"http://localhost:" + this.port + "/mcp");
		this.v1 = report.path("v1");
		this.v2 = report.path("v2");
	}

	@Test
	void clientsUseTheExpectedSdks() {
		assertThat(this.v2.path("sdkVersion").asString()).isEqualTo("2.4.0");
		assertThat(this.v1.path("sdkVersion").asString()).isEqualTo("1.32.2");
	}

	@Test
	void v2ClientDiscoversTheStatelessRevision() {
		assertThat(this.v2.path("protocolVersion").asString()).isEqualTo(MODERN);
		assertThat(this.v2.at("/serverVersion/name").asString()).isEqualTo("mcp-conformance-fixture");
		assertThat(this.v2.at("/serverVersion/version").asString()).isEqualTo("1.0.0");
		JsonNode capabilities = this.v2.path("serverCapabilities");
		assertThat(capabilities.has("tools")).as("%s", capabilities).isTrue();
		assertThat(capabilities.has("prompts")).as("%s", capabilities).isTrue();
		assertThat(capabilities.at("/resources/subscribe").asBoolean()).as("%s", capabilities).isTrue();
		JsonNode discover = this.v2.at("/exchanges/0");
		assertThat(discover.at("/requestBody/method").asString()).isEqualTo("server/discover");
		assertThat(discover.at("/responseBody/result/supportedVersions").valueStream().map(JsonNode::asString))
			.as("%s", discover)
			.contains(MODERN, "2025-11-25");
	}

	@Test
	void v2ClientSpeaksStatelessHttp() {
		JsonNode exchanges = this.v2.path("exchanges");
		assertThat(exchanges.valueStream().map((exchange) -> exchange.at("/requestBody/method").asString()))
			.as("no initialize handshake on 2026-07-28")
			.doesNotContain("initialize", "notifications/initialized")
			.contains("server/discover", "tools/list", "tools/call", "resources/read", "prompts/get");
		assertThat(exchanges.valueStream()).allSatisfy((exchange) -> {
			assertThat(exchange.path("method").asString()).as("%s", exchange).isEqualTo("POST");
			assertThat(exchange.path("status").asInt()).as("%s", exchange).isEqualTo(200);
			assertThat(exchange.at("/requestHeaders/mcp-session-id").isNull()).as("no session: %s", exchange).isTrue();
			assertThat(exchange.at("/responseHeaders/mcp-session-id").isNull()).as("no session: %s", exchange).isTrue();
			assertThat(exchange.at("/requestHeaders/mcp-protocol-version").asString()).as("%s", exchange)
				.isEqualTo(MODERN);
			assertThat(exchange.at("/requestBody/params/_meta/io.modelcontextprotocol~1protocolVersion").asString())
				.as("per-request _meta: %s", exchange)
				.isEqualTo(MODERN);
			assertThat(exchange.at("/responseBody/result/resultType").asString()).as("%s", exchange)
				.isIn("complete", "input_required");
		});
		assertThat(this.v2.path("transportErrors").size()).as("%s", this.v2.path("transportErrors")).isZero();
	}

	@Test
	void v2ClientListsTools() {
		JsonNode tools = call(this.v2, "tools").path("tools");
		assertThat(tools.valueStream().map((tool) -> tool.path("name").asString())).contains("test_simple_text",
				"test_input_required_result_elicitation", "test_input_required_result_sampling",
				"test_input_required_result_list_roots", "test_tool_with_progress");
	}

	@Test
	void v2ClientCallsTool() {
		assertThat(text(call(this.v2, "simpleText"))).isEqualTo("This is a simple text response for testing.");
	}

	@Test
	void v2ClientAnswersElicitationThroughInputRequired() {
		assertThat(text(call(this.v2, "elicitation"))).isEqualTo("Hello, Ada");
		assertThat(this.v2.at("/handledRequests/elicitation")).singleElement().satisfies((request) -> {
			assertThat(request.path("message").asString()).isEqualTo("What is your name?");
			assertThat(request.path("requestedSchema")).isEqualTo(JSON.readTree("""
					{"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}"""));
		});
		List<JsonNode> rounds = toolCalls("test_input_required_result_elicitation");
		assertThat(rounds).as("the first call and its retry").hasSize(2);
		JsonNode first = rounds.get(0).at("/responseBody/result");
		assertThat(first.path("resultType").asString()).as("%s", first).isEqualTo("input_required");
		assertThat(first.at("/inputRequests/user_name/method").asString()).as("%s", first)
			.isEqualTo("elicitation/create");
		String requestState = first.path("requestState").asString();
		assertThat(requestState).as("%s", first).isNotBlank();
		JsonNode retry = rounds.get(1).at("/requestBody/params");
		assertThat(retry.path("requestState").asString()).as("requestState echoed verbatim").isEqualTo(requestState);
		assertThat(retry.at("/inputResponses/user_name")).isEqualTo(JSON.readTree("""
				{"action": "accept", "content": {"name": "Ada"}}"""));
		assertThat(rounds.get(1).at("/requestBody/id")).as("a fresh request id")
			.isNotEqualTo(rounds.get(0).at("/requestBody/id"));
		assertThat(rounds.get(1).at("/responseBody/result/resultType").asString()).isEqualTo("complete");
	}

	@Test
	void v2ClientAnswersSamplingAndRootsThroughInputRequired() {
		assertThat(text(call(this.v2, "sampling"))).isEqualTo("The model said: Paris");
		assertThat(this.v2.at("/handledRequests/sampling")).singleElement().satisfies((request) -> {
			assertThat(request.at("/messages/0/content/text").asString()).isEqualTo("What is the capital of France?");
			assertThat(request.path("maxTokens").asInt()).isEqualTo(100);
		});
		assertThat(text(call(this.v2, "roots"))).isEqualTo("Roots: [file:///work/ada]");
		assertThat(this.v2.at("/handledRequests/roots").size()).isOne();
	}

	@Test
	void v2ClientReadsResources() {
		assertThat(call(this.v2, "resource").path("contents")).singleElement().satisfies((contents) -> {
			assertThat(contents.path("uri").asString()).isEqualTo("test://static-text");
			assertThat(contents.path("mimeType").asString()).isEqualTo("text/plain");
			assertThat(contents.path("text").asString()).isEqualTo("This is the content of the static text resource.");
		});
		assertThat(call(this.v2, "template").path("contents")).singleElement().satisfies((contents) -> {
			assertThat(contents.path("uri").asString()).isEqualTo("test://template/42/data");
			assertThat(contents.path("mimeType").asString()).isEqualTo("application/json");
			assertThat(JSON.readTree(contents.path("text").asString())).isEqualTo(JSON.readTree("""
					{"id": "42", "templateTest": true, "data": "Data for ID: 42"}"""));
		});
	}

	@Test
	void v2ClientGetsPrompt() {
		JsonNode prompt = call(this.v2, "prompt");
		assertThat(prompt.path("description").asString()).isEqualTo("A prompt with two arguments");
		assertThat(prompt.path("messages")).singleElement().satisfies((message) -> {
			assertThat(message.path("role").asString()).isEqualTo("user");
			assertThat(message.at("/content/text").asString())
				.isEqualTo("Prompt with arguments: arg1='alpha', arg2='beta'");
		});
	}

	@Test
	void v1SessionWorksBeforeDuringAndAfter() {
		assertThat(this.v1.path("protocolVersion").asString()).isEqualTo(BookshopExpectations.PROTOCOL_VERSION);
		String sessionId = this.v1.path("sessionId").asString();
		assertThat(sessionId).isNotBlank();
		assertThat(text(call(this.v1, "before.simpleText"))).isEqualTo("This is a simple text response for testing.");
		assertThat(
				call(this.v1, "during.tools").path("tools").valueStream().map((tool) -> tool.path("name").asString()))
			.contains("test_simple_text", "test_input_required_result_elicitation");
		assertThat(call(this.v1, "after.prompt").at("/messages/0/content/text").asString())
			.isEqualTo("This is a simple prompt for testing.");
		JsonNode exchanges = this.v1.path("exchanges");
		assertThat(exchanges.get(0).at("/requestBody/method").asString()).isEqualTo("initialize");
		assertThat(exchanges.valueStream().skip(1)).allSatisfy(
				(exchange) -> assertThat(exchange.at("/requestHeaders/mcp-session-id").asString()).as("%s", exchange)
					.isEqualTo(sessionId));
		assertThat(exchanges.get(exchanges.size() - 1).path("method").asString()).isEqualTo("DELETE");
		assertThat(exchanges.get(exchanges.size() - 1).path("status").asInt()).isEqualTo(204);
		assertThat(this.v1.path("transportErrors").size()).as("%s", this.v1.path("transportErrors")).isZero();
	}

	@Test
	void v1SessionGetsElicitationAsServerRequest() {
		assertThat(text(call(this.v1, "after.elicitation"))).isEqualTo("Hello, Grace");
		assertThat(this.v1.path("elicitations")).singleElement()
			.satisfies((request) -> assertThat(request.path("message").asString()).isEqualTo("What is your name?"));
		JsonNode events = this.v1.path("exchanges")
			.valueStream()
			.filter((exchange) -> "test_input_required_result_elicitation"
				.equals(exchange.at("/requestBody/params/name").asString()))
			.findFirst()
			.orElseThrow()
			.path("responseEvents");
		assertThat(events.get(0).path("method").asString()).as("%s", events).isEqualTo("elicitation/create");
		assertThat(events.get(events.size() - 1).at("/result/resultType").isMissingNode())
			.as("no 2026 vocabulary on a 2025 session: %s", events)
			.isTrue();
	}

	private static JsonNode call(JsonNode client, String id) {
		JsonNode call = client.path("calls").path(id);
		assertThat(call.has("error")).as("call '%s' failed: %s", id, call.path("error")).isFalse();
		assertThat(call.path("result").isObject()).as("call '%s' in %s", id, client.path("calls").propertyNames())
			.isTrue();
		return call.path("result");
	}

	private static String text(JsonNode result) {
		assertThat(result.path("isError").asBoolean(false)).as("%s", result).isFalse();
		assertThat(result.path("content")).as("%s", result).singleElement();
		assertThat(result.at("/content/0/type").asString()).as("%s", result).isEqualTo("text");
		return result.at("/content/0/text").asString();
	}

	private List<JsonNode> toolCalls(String tool) {
		return this.v2.path("exchanges")
			.valueStream()
			.filter((exchange) -> tool.equals(exchange.at("/requestBody/params/name").asString()))
			.toList();
	}

}
