package dev.mcpspring.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * Text contents of a resource.
 *
 * @param uri the resource URI
 * @param mimeType the MIME type, or {@code null}
 * @param text the text
 * @param meta the {@code _meta} object, or {@code null}
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "uri", "mimeType", "text" })
public record TextResourceContents(String uri, @Nullable String mimeType, String text,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) implements ResourceContents {

	@Override
	public TextResourceContents withUri(String uri) {
		return new TextResourceContents(uri, this.mimeType, this.text, this.meta);
	}

}
