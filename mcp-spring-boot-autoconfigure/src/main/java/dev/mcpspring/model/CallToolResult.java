package dev.mcpspring.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * Result of {@code tools/call}. Return it from a tool method for full control.
 *
 * @param content the content blocks
 * @param structuredContent a JSON object matching the tool's output schema, or
 * {@code null}
 * @param isError whether the call failed, or {@code null} for success
 * @param meta the {@code _meta} object, or {@code null}
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "content", "structuredContent", "isError" })
public record CallToolResult(List<Content> content, @Nullable Object structuredContent, @Nullable Boolean isError,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	/**
	 * Create a successful result.
	 * @param content the content blocks
	 * @return the result
	 */
	public static CallToolResult of(Content... content) {
		return new CallToolResult(List.of(content), null, null, null);
	}

	/**
	 * Create a successful result with structured content.
	 * @param structuredContent the JSON object value
	 * @param content the content blocks, usually the same value as JSON text
	 * @return the result
	 */
	public static CallToolResult structured(Object structuredContent, Content... content) {
		return new CallToolResult(List.of(content), structuredContent, null, null);
	}

	/**
	 * Create a failed result the model can read and act on.
	 * @param message what went wrong
	 * @return the result
	 */
	public static CallToolResult error(String message) {
		return new CallToolResult(List.of(Content.text(message)), null, true, null);
	}

}
