package dev.mcpspring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The client's answer to a sampling request.
 *
 * @param role the role of the generated message, usually {@code assistant}
 * @param content the generated content block(s), as sent
 * @param model the model that generated it
 * @param stopReason why generation stopped, or {@code null}
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateMessageResult(String role, JsonNode content, String model, @Nullable String stopReason) {

	/**
	 * Return the generated text, when the content is a text block.
	 * @return the text, or {@code null}
	 */
	public @Nullable String text() {
		JsonNode block = this.content.isArray() ? this.content.path(0) : this.content;
		return "text".equals(block.path("type").asString(null)) ? block.path("text").asString(null) : null;
	}

}
