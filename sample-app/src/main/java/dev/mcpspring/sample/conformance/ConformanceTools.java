package dev.mcpspring.sample.conformance;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import dev.mcpspring.annotation.McpArg;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.Content;
import dev.mcpspring.model.CreateMessageResult;
import dev.mcpspring.model.ElicitResult;
import dev.mcpspring.server.McpContext;
import dev.mcpspring.server.ToolCallException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The tools the official MCP conformance suite calls, by the names it expects. Active in
 * the {@code conformance} profile only.
 */
@Component
@Profile("conformance")
public class ConformanceTools {

	/**
	 * A 1x1 transparent PNG.
	 */
	static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

	/**
	 * A WAV header with no samples.
	 */
	static final String WAV = Base64.getEncoder()
		.encodeToString(new byte[] { 'R', 'I', 'F', 'F', 36, 0, 0, 0, 'W', 'A', 'V', 'E', 'f', 'm', 't', ' ', 16, 0, 0,
				0, 1, 0, 1, 0, 0x44, (byte) 0xAC, 0, 0, (byte) 0x88, 0x58, 1, 0, 2, 0, 16, 0, 'd', 'a', 't', 'a', 0, 0,
				0, 0 });

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	@McpTool(name = "test_simple_text", description = "Returns a simple text response")
	public String simpleText() {
		return "This is a simple text response for testing.";
	}

	@McpTool(name = "test_image_content", description = "Returns an image")
	public Content imageContent() {
		return new dev.mcpspring.model.ImageContent(PNG, "image/png", null, null);
	}

	@McpTool(name = "test_audio_content", description = "Returns an audio clip")
	public Content audioContent() {
		return new dev.mcpspring.model.AudioContent(WAV, "audio/wav", null, null);
	}

	@McpTool(name = "test_embedded_resource", description = "Returns an embedded resource")
	public Content embeddedResource() {
		return Content.resource("test://embedded-resource", "text/plain", "This is an embedded resource content.");
	}

	@McpTool(name = "test_multiple_content_types", description = "Returns text, an image and a resource")
	public List<Content> multipleContentTypes() {
		return List.of(Content.text("Multiple content types test:"),
				new dev.mcpspring.model.ImageContent(PNG, "image/png", null, null), Content.resource(
						"test://mixed-content-resource", "application/json", "{\"test\":\"data\",\"value\":123}"));
	}

	@McpTool(name = "test_tool_with_logging", description = "Sends log messages while it runs")
	public Mono<String> toolWithLogging(McpContext context) {
		return Mono.fromRunnable(() -> context.info("Tool execution started"))
			.then(Mono.delay(Duration.ofMillis(50)))
			.doOnNext((tick) -> context.info("Tool processing data"))
			.then(Mono.delay(Duration.ofMillis(50)))
			.doOnNext((tick) -> context.info("Tool execution completed"))
			.thenReturn("Tool with logging executed successfully");
	}

	@McpTool(name = "test_tool_with_progress", description = "Reports progress while it runs")
	public Mono<String> toolWithProgress(McpContext context) {
		return Mono.fromRunnable(() -> context.progress(0, 100.0, "Started"))
			.then(Mono.delay(Duration.ofMillis(50)))
			.doOnNext((tick) -> context.progress(50, 100.0, "Half way"))
			.then(Mono.delay(Duration.ofMillis(50)))
			.doOnNext((tick) -> context.progress(100, 100.0, "Done"))
			.thenReturn("Progress test completed");
	}

	@McpTool(name = "test_error_handling", description = "Always fails")
	public String errorHandling() {
		throw new ToolCallException("This tool intentionally returns an error for testing");
	}

	@McpTool(name = "test_sampling", description = "Asks the client's model to answer a prompt")
	public Mono<String> sampling(@McpArg(description = "The prompt to send") String prompt, McpContext context) {
		return context.sample(prompt, 100).map(CreateMessageResult::text).map((text) -> "LLM response: " + text);
	}

	@McpTool(name = "test_elicitation", description = "Asks the user for information")
	public Mono<String> elicitation(@McpArg(description = "What to ask") String message, McpContext context) {
		return context.elicit(message, UserInfo.class)
			.map((result) -> "User response: action=" + result.action().name().toLowerCase(java.util.Locale.ROOT)
					+ ", content=" + result.content());
	}

	@McpTool(name = "test_elicitation_sep1034_defaults", description = "Elicitation with default values")
	public Mono<String> elicitationDefaults(McpContext context) {
		return elicitWithSchema(context, "Please review and update the form fields with defaults",
				"conformance/elicitation-defaults.json");
	}

	@McpTool(name = "test_elicitation_sep1330_enums", description = "Elicitation with every enum shape")
	public Mono<String> elicitationEnums(McpContext context) {
		return elicitWithSchema(context, "Please select options from the enum fields",
				"conformance/elicitation-enums.json");
	}

	@McpTool(name = "json_schema_2020_12_tool", description = "Takes arguments described by a hand-written schema",
			inputSchema = "classpath:conformance/json-schema-2020-12.json")
	public String jsonSchema202012(String name) {
		return "Hello, " + name;
	}

	private Mono<String> elicitWithSchema(McpContext context, String message, String schemaLocation) {
		return Mono
			.fromCallable(() -> (ObjectNode) this.jsonMapper
				.readTree(new org.springframework.core.io.ClassPathResource(schemaLocation).getInputStream()))
			.flatMap((schema) -> context.elicit(message, schema))
			.map((ElicitResult<JsonNode> result) -> "Elicitation completed: action="
					+ result.action().name().toLowerCase(java.util.Locale.ROOT) + ", content=" + result.content());
	}

	/**
	 * What {@code test_elicitation} asks for.
	 *
	 * @param username the user name
	 * @param email the email address
	 */
	public record UserInfo(String username, String email) {

	}

}
