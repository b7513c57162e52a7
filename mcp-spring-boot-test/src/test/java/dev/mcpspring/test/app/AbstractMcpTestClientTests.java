package dev.mcpspring.test.app;

import java.util.Map;

import dev.mcpspring.test.McpTestClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What {@link McpTestClient} shows of a server, on both protocol revisions, whatever way
 * it reaches the server.
 */
abstract class AbstractMcpTestClientTests {

	/**
	 * A new client of the application.
	 */
	abstract McpTestClient client();

	@ParameterizedTest
	@ValueSource(strings = { "2025-11-25", "2026-07-28" })
	void callsATool(String revision) {
		client().revision(revision).callTool("echo", Map.of("text", "hi")).isSuccess().hasText("hi");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-11-25", "2026-07-28" })
	void checksStructuredContentAgainstTheOutputSchema(String revision) {
		McpTestClient client = client().revision(revision);
		client.callTool("greet", Map.of("name", "Ada"))
			.isSuccess()
			.hasStructuredContentMatchingOutputSchema()
			.hasResultAt("/structuredContent/text", "Hello, Ada!")
			.hasResultAt("/structuredContent/length", "11");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-11-25", "2026-07-28" })
	void failsWhenStructuredContentIsMissing(String revision) {
		McpTestClient client = client().revision(revision);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> client.callTool("echo", Map.of("text", "hi")).hasStructuredContentMatchingOutputSchema())
			.withMessageContaining("Expected structured content");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-11-25", "2026-07-28" })
	void tellsToolErrorsFromProtocolErrors(String revision) {
		McpTestClient client = client().revision(revision);
		client.callTool("refuse", Map.of()).isToolError().hasText("Not today");
		client.callTool("echo", Map.of("text", 42)).isToolError().hasTextContaining("text: must be a string");
		client.callTool("missing", Map.of()).hasErrorCode(-32602);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> client.callTool("refuse", Map.of()).isSuccess())
			.withMessageContaining("Not today");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-11-25", "2026-07-28" })
	void revealsNoSecretOfAnUnexpectedException(String revision) {
		McpTestClient client = client().revision(revision);
		client.callTool("leak", Map.of()).doesNotReveal("hunter2").doesNotReveal("postgresql");
		assertThat(client.notifications())
			.allSatisfy((message) -> assertThat(message.toString()).doesNotContain("hunter2"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-11-25", "2026-07-28" })
	void readsResourcesAndGetsPrompts(String revision) {
		McpTestClient client = client().revision(revision);
		client.listTools().hasResultAt("/tools/0/name", "count");
		client.readResource("greetings://fr").hasResultAt("/contents/0/text", "Bonjour");
		client.getPrompt("salute", Map.of("name", "Ada")).hasResultAt("/messages/0/content/text", "Greet Ada");
		client.completePrompt("salute", "name", "Al").hasResultAt("/completion/values", "[\"Alan\"]");
		client.readResource("greetings:").hasErrorMessageContaining("Resource not found");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-11-25", "2026-07-28" })
	void capturesProgressAndLogs(String revision) {
		McpTestClient client = client().revision(revision).logLevel("info");
		client.callTool("count", Map.of()).isSuccess().hasText("done");
		assertThat(client.progress()).extracting((progress) -> progress.path("message").asString())
			.containsExactly("step 1", "step 2", "step 3");
		assertThat(client.logs()).extracting((log) -> log.path("data").asString()).containsExactly("counted to three");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-11-25", "2026-07-28" })
	void answersElicitationAsScripted(String revision) {
		McpTestClient client = client().revision(revision).onElicitation((request) -> {
			assertThat(request.path("message").asString()).isEqualTo("What is your name?");
			return Map.of("name", "Grace");
		});
		client.callTool("welcome", Map.of()).isSuccess().hasText("Hello, Grace!");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-11-25", "2026-07-28" })
	void answersSamplingAndRootsAsScripted(String revision) {
		McpTestClient client = client().revision(revision)
			.onSampling((request) -> "old pond, frog jumps in")
			.onRoots("file:///work", "file:///tmp");
		client.callTool("haiku", Map.of()).isSuccess().hasText("Haiku: old pond, frog jumps in");
		client.callTool("roots", Map.of()).isSuccess().hasText("[file:///work, file:///tmp]");
	}

}
