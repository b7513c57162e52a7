package dev.mcpspring.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * A link to a resource the client may read or subscribe to.
 *
 * @param uri the resource URI
 * @param name the resource name
 * @param title the display title, or {@code null}
 * @param description a description, or {@code null}
 * @param mimeType the MIME type, or {@code null}
 * @param size the size in bytes, or {@code null}
 * @param icons the icons, or {@code null}
 * @param annotations display hints, or {@code null}
 * @param meta the {@code _meta} object, or {@code null}
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "uri", "name" })
public record ResourceLink(String uri, String name, @Nullable String title, @Nullable String description,
		@Nullable String mimeType, @Nullable Long size, @Nullable List<Icon> icons, @Nullable Annotations annotations,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) implements Content {

	@Override
	public String type() {
		return "resource_link";
	}

}
