package dev.mcpspring.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * Binary contents of a resource, base64-encoded.
 *
 * @param uri the resource URI
 * @param mimeType the MIME type, or {@code null}
 * @param blob the base64-encoded bytes
 * @param meta the {@code _meta} object, or {@code null}
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "uri", "mimeType", "blob" })
public record BlobResourceContents(String uri, @Nullable String mimeType, String blob,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) implements ResourceContents {

	@Override
	public BlobResourceContents withUri(String uri) {
		return new BlobResourceContents(uri, this.mimeType, this.blob, this.meta);
	}

}
