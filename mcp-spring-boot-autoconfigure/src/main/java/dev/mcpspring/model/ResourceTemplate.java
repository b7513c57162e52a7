package dev.mcpspring.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A family of resources described by an RFC 6570 URI template, as listed by
 * {@code resources/templates/list}.
 *
 * @param uriTemplate the URI template
 * @param name the programmatic name
 * @param title the display title, or {@code null}
 * @param description a description, or {@code null}
 * @param mimeType the MIME type, or {@code null}
 * @param icons the icons, or {@code null}
 * @param annotations display hints, or {@code null}
 * @param meta the {@code _meta} object, or {@code null}
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceTemplate(String uriTemplate, String name, @Nullable String title, @Nullable String description,
		@Nullable String mimeType, @Nullable List<Icon> icons, @Nullable Annotations annotations,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) {

}
