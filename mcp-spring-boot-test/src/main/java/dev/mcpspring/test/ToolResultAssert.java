package dev.mcpspring.test;

import java.util.List;
import java.util.function.Function;

import dev.mcpspring.server.InvalidArgumentsException;
import dev.mcpspring.method.support.NetworkntInputSchemaValidator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Assertions on the response to {@code tools/call}: success, tool errors
 * ({@code isError: true}), JSON-RPC errors, text content, and structured content checked
 * against the tool's output schema.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ToolResultAssert extends AbstractMcpResponseAssert<ToolResultAssert> {

	private final Function<String, @Nullable ObjectNode> outputSchemas;

	private final String tool;

	ToolResultAssert(JsonNode response, Function<String, @Nullable ObjectNode> outputSchemas, String tool) {
		super(response, ToolResultAssert.class);
		this.outputSchemas = outputSchemas;
		this.tool = tool;
	}

	/**
	 * Verify that the tool ran: a result without {@code isError: true}.
	 * @return this
	 */
	@Override
	public ToolResultAssert isSuccess() {
		super.isSuccess();
		if (this.actual.path("result").path("isError").asBoolean(false)) {
			failWithMessage("Expected tool <%s> to succeed but it reported the error <%s>", this.tool,
					this.actual.path("result").path("content"));
		}
		return this;
	}

	/**
	 * Verify that the tool reported an error in its result ({@code isError: true}), not
	 * as a JSON-RPC error.
	 * @return this
	 */
	public ToolResultAssert isToolError() {
		super.isSuccess();
		if (!this.actual.path("result").path("isError").asBoolean(false)) {
			failWithMessage("Expected tool <%s> to report an error but the result was <%s>", this.tool,
					this.actual.path("result"));
		}
		return this;
	}

	/**
	 * Verify that a text content item is exactly this text.
	 * @param text the expected text
	 * @return this
	 */
	public ToolResultAssert hasText(String text) {
		if (!texts().contains(text)) {
			failWithMessage("Expected a text content <%s> but the texts were <%s>", text, texts());
		}
		return this;
	}

	/**
	 * Verify that a text content item contains this text.
	 * @param text the expected part of a text
	 * @return this
	 */
	public ToolResultAssert hasTextContaining(String text) {
		if (texts().stream().noneMatch((candidate) -> candidate.contains(text))) {
			failWithMessage("Expected a text content containing <%s> but the texts were <%s>", text, texts());
		}
		return this;
	}

	/**
	 * Verify that the result has structured content valid against the output schema the
	 * tool advertises in {@code tools/list}.
	 * @return this
	 */
	public ToolResultAssert hasStructuredContentMatchingOutputSchema() {
		JsonNode content = structuredContent();
		ObjectNode schema = this.outputSchemas.apply(this.tool);
		if (schema == null) {
			failWithMessage("Expected tool <%s> to advertise an output schema but it has none", this.tool);
			return this;
		}
		if (!(content instanceof ObjectNode object)) {
			failWithMessage("Expected structured content to be an object but was <%s>", content);
			return this;
		}
		List<InvalidArgumentsException.FieldError> errors = new NetworkntInputSchemaValidator().compile(schema)
			.validate(object);
		if (!errors.isEmpty()) {
			failWithMessage("Expected structured content <%s> to match the output schema of <%s> but: %s", content,
					this.tool, errors);
		}
		return this;
	}

	/**
	 * Return the structured content, failing if there is none.
	 * @return the {@code structuredContent} of the result
	 */
	public JsonNode structuredContent() {
		JsonNode content = result().get("structuredContent");
		if (content == null) {
			failWithMessage("Expected structured content but the result was <%s>", this.actual.path("result"));
		}
		return content;
	}

	private List<String> texts() {
		return result().path("content")
			.valueStream()
			.filter((item) -> "text".equals(item.path("type").asString()))
			.map((item) -> item.path("text").asString())
			.toList();
	}

}
