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
 * Drives the features of the sample's {@code conformance} profile with the official
 * TypeScript SDK (v1.x) client over Streamable HTTP: resources and subscriptions,
 * prompts, completion, logging, progress, sampling, elicitation, roots and cancellation.
 * The Node script {@code src/test/node/ts-sdk-v1-features.mjs} prints what the client
 * saw.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("conformance")
@TestInstance(Lifecycle.PER_CLASS)
class ConformanceFeaturesIntegrationTests {

	private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

	@LocalServerPort
	private int port;

	private JsonNode report;

	@BeforeAll
	void runClient(@TempDir Path output) throws IOException, InterruptedException {
		this.report = NodeClientScript.run("ts-sdk-v1-features.mjs", output, Duration.ofSeconds(60),
				"http://localhost:" + this.port + "/mcp");
	}

	@Test
	void sessionOnTheLatestSessionRevision() {
		assertThat(this.report.path("sdkVersion").asString()).isEqualTo("1.32.2");
		assertThat(this.report.path("protocolVersion").asString()).isEqualTo(BookshopExpectations.PROTOCOL_VERSION);
		assertThat(this.report.path("serverCapabilities")).isEqualTo(JSON.readTree("""
				{"logging": {}, "completions": {}, "prompts": {"listChanged": true},
				 "resources": {"subscribe": true, "listChanged": true}, "tools": {"listChanged": true}}"""));
		assertThat(this.report.path("transportErrors").size()).as("%s", this.report.path("transportErrors")).isZero();
	}

	@Test
	void listsResourcesAndTemplates() {
		assertThat(result("resources.list").path("resources")).isEqualTo(JSON.readTree("""
				[{"name": "static-binary", "uri": "test://static-binary", "description": "A static binary resource",
				  "mimeType": "image/png"},
				 {"name": "static-text", "uri": "test://static-text", "description": "A static text resource",
				  "mimeType": "text/plain"},
				 {"name": "watched-resource", "uri": "test://watched-resource",
				  "description": "A resource clients can subscribe to", "mimeType": "text/plain"}]"""));
		assertThat(result("resources.templates").path("resourceTemplates")).isEqualTo(JSON.readTree("""
				[{"name": "template", "uriTemplate": "test://template/{id}/data", "description": "Data of one item",
				  "mimeType": "application/json"}]"""));
	}

	@Test
	void readsResources() {
		assertThat(result("resources.read.text").path("contents")).isEqualTo(JSON.readTree("""
				[{"uri": "test://static-text", "mimeType": "text/plain",
				  "text": "This is the content of the static text resource."}]"""));
		assertThat(result("resources.read.binary").path("contents")).isEqualTo(JSON.readTree("""
				[{"uri": "test://static-binary", "mimeType": "image/png", "blob": "%s"}]""".formatted(PNG)));
		JsonNode template = result("resources.read.template").at("/contents/0");
		assertThat(template.path("uri").asString()).isEqualTo("test://template/7/data");
		assertThat(template.path("mimeType").asString()).isEqualTo("application/json");
		assertThat(JSON.readTree(template.path("text").asString()))
			.isEqualTo(JSON.readTree("{\"id\": \"7\", \"templateTest\": true, \"data\": \"Data for ID: 7\"}"));
	}

	@Test
	void unknownResourceIsResourceNotFound() {
		JsonNode error = error("resources.read.unknown");
		assertThat(error.path("code").asInt()).as("%s", error).isEqualTo(-32002);
		assertThat(error.at("/data/uri").asString()).as("%s", error).isEqualTo("test://no-such-resource");
	}

	@Test
	void subscribesAndUnsubscribes() {
		assertThat(result("resources.subscribe")).isEqualTo(JSON.readTree("{}"));
		assertThat(result("resources.unsubscribe")).isEqualTo(JSON.readTree("{}"));
	}

	@Test
	void listsPrompts() {
		JsonNode prompts = result("prompts.list").path("prompts");
		assertThat(prompts.valueStream().map((prompt) -> prompt.path("name").asString())).contains("test_simple_prompt",
				"test_prompt_with_arguments", "test_prompt_with_embedded_resource", "test_prompt_with_image");
		JsonNode withArguments = prompts.valueStream()
			.filter((prompt) -> prompt.path("name").asString().equals("test_prompt_with_arguments"))
			.findFirst()
			.orElseThrow();
		assertThat(withArguments.path("arguments")).isEqualTo(JSON.readTree("""
				[{"name": "arg1", "description": "First test argument", "required": true},
				 {"name": "arg2", "description": "Second test argument", "required": true}]"""));
	}

	@Test
	void getsPrompts() {
		assertThat(result("prompts.get.simple").path("messages")).isEqualTo(JSON.readTree("""
				[{"role": "user", "content": {"type": "text", "text": "This is a simple prompt for testing."}}]"""));
		assertThat(result("prompts.get.arguments").path("messages")).isEqualTo(JSON.readTree("""
				[{"role": "user", "content": {"type": "text",
				  "text": "Prompt with arguments: arg1='first', arg2='second'"}}]"""));
		assertThat(result("prompts.get.embedded").path("messages")).isEqualTo(JSON.readTree(
				"""
						[{"role": "user", "content": {"type": "resource", "resource": {"uri": "test://example",
						  "mimeType": "text/plain", "text": "Embedded resource content for testing."}}},
						 {"role": "user", "content": {"type": "text", "text": "Please process the embedded resource above."}}]"""));
	}

	@Test
	void completesPromptArguments() {
		assertThat(result("complete.pa").path("completion")).isEqualTo(
				JSON.readTree("{\"values\": [\"paris\", \"park\", \"party\"], \"total\": 3, \"hasMore\": false}"));
		assertThat(result("complete.park").at("/completion/values")).isEqualTo(JSON.readTree("[\"park\"]"));
	}

	@Test
	void logsAtTheLevelTheClientSet() {
		assertThat(result("logging.setLevel.info")).isEqualTo(JSON.readTree("{}"));
		assertThat(text(result("logging.tool.info"))).isEqualTo("Tool with logging executed successfully");
		assertThat(this.report.path("logMessagesAtInfo")).isEqualTo(JSON.readTree("""
				[{"level": "info", "data": "Tool execution started"},
				 {"level": "info", "data": "Tool processing data"},
				 {"level": "info", "data": "Tool execution completed"}]"""));
		assertThat(text(result("logging.tool.warning"))).isEqualTo("Tool with logging executed successfully");
		assertThat(this.report.path("logMessagesAtWarning")).as("info messages once the level is warning").isEmpty();
	}

	@Test
	void reportsProgress() {
		assertThat(text(result("progress"))).isEqualTo("Progress test completed");
		assertThat(this.report.path("progress")).isEqualTo(JSON.readTree("""
				[{"progress": 0, "total": 100, "message": "Started"},
				 {"progress": 50, "total": 100, "message": "Half way"},
				 {"progress": 100, "total": 100, "message": "Done"}]"""));
		JsonNode call = toolCall("test_tool_with_progress", 0);
		JsonNode token = call.at("/requestBody/params/_meta/progressToken");
		assertThat(call.path("responseEvents")
			.valueStream()
			.filter((event) -> event.path("method").asString().equals("notifications/progress"))).as("%s", call)
			.hasSize(3)
			.allSatisfy((event) -> assertThat(event.at("/params/progressToken")).isEqualTo(token));
	}

	@Test
	void samplingRequestReachesTheClient() {
		assertThat(text(result("sampling"))).isEqualTo("LLM response: Four");
		assertThat(this.report.at("/handled/sampling")).isEqualTo(JSON.readTree("""
				[{"messages": [{"role": "user", "content": {"type": "text", "text": "What is 2+2?"}}],
				  "maxTokens": 100}]"""));
	}

	@Test
	void elicitationRequestReachesTheClient() {
		assertThat(text(result("elicitation.accept")))
			.isEqualTo("User response: action=accept, content=UserInfo[username=ada, email=ada@example.com]");
		assertThat(text(result("elicitation.decline"))).isEqualTo("User response: action=decline, content=null");
		JsonNode schema = JSON.readTree("""
				{"type": "object", "properties": {"username": {"type": "string"}, "email": {"type": "string"}}}""");
		JsonNode requests = this.report.at("/handled/elicitation");
		assertThat(requests.valueStream().map((request) -> request.path("message").asString()))
			.containsExactly("Who are you?", "Who are you, again?");
		assertThat(requests.valueStream()).allSatisfy((request) -> {
			assertThat(request.path("requestedSchema")).isEqualTo(schema);
			assertThat(request.path("mode").asString()).isEqualTo("form");
		});
	}

	@Test
	void rootsRequestReachesTheClient() {
		assertThat(text(result("roots"))).isEqualTo("Roots: [file:///projects/alpha, file:///projects/beta]");
		assertThat(this.report.at("/handled/roots").asInt()).isOne();
		JsonNode call = toolCall("test_input_required_result_list_roots", 0);
		assertThat(call.at("/responseEvents/0/method").asString()).as("%s", call).isEqualTo("roots/list");
	}

	@Test
	void cancelledCallEndsAndTheSessionGoesOn() {
		JsonNode error = error("cancelled");
		assertThat(error.path("message").asString()).contains("the user changed their mind");
		assertThat(this.report.path("cancelledProgress").size()).isOne();
		JsonNode call = toolCall("test_tool_with_progress", 1);
		JsonNode id = call.at("/requestBody/id");
		JsonNode cancellation = this.report.path("exchanges")
			.valueStream()
			.filter((exchange) -> exchange.at("/requestBody/method").asString().equals("notifications/cancelled"))
			.findFirst()
			.orElseThrow();
		assertThat(cancellation.at("/requestBody/params/requestId")).isEqualTo(id);
		assertThat(cancellation.path("status").asInt()).isEqualTo(202);
		List<JsonNode> events = call.path("responseEvents").valueStream().toList();
		boolean finishedBeforeCancel = events.stream()
			.anyMatch((event) -> event.at("/params/message").asString().equals("Done"));
		if (!finishedBeforeCancel) {
			assertThat(events).as("no response for a cancelled request").noneMatch((event) -> event.has("id"));
		}
		assertThat(text(result("afterCancel"))).isEqualTo("This is a simple text response for testing.");
	}

	private JsonNode result(String id) {
		JsonNode call = this.report.path("calls").path(id);
		assertThat(call.has("error")).as("call '%s' failed: %s", id, call.path("error")).isFalse();
		assertThat(call.path("result").isObject()).as("call '%s' in the report", id).isTrue();
		return call.path("result");
	}

	private JsonNode error(String id) {
		JsonNode call = this.report.path("calls").path(id);
		assertThat(call.has("error")).as("call '%s' should fail: %s", id, call.path("result")).isTrue();
		return call.path("error");
	}

	private static String text(JsonNode result) {
		assertThat(result.path("isError").asBoolean(false)).as("%s", result).isFalse();
		assertThat(result.path("content")).as("%s", result).singleElement();
		assertThat(result.at("/content/0/type").asString()).as("%s", result).isEqualTo("text");
		return result.at("/content/0/text").asString();
	}

	private JsonNode toolCall(String tool, int index) {
		List<JsonNode> calls = this.report.path("exchanges")
			.valueStream()
			.filter((exchange) -> exchange.at("/requestBody/method").asString().equals("tools/call")
					&& exchange.at("/requestBody/params/name").asString().equals(tool))
			.toList();
		assertThat(calls.size()).as("calls of %s", tool).isGreaterThan(index);
		return calls.get(index);
	}

}
