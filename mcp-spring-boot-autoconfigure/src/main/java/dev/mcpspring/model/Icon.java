package dev.mcpspring.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * An icon that clients may display for an implementation, tool, resource or prompt.
 *
 * @param src the icon URI: an {@code https:} URL or a {@code data:} URI
 * @param mimeType the MIME type, or {@code null}
 * @param sizes the sizes, such as {@code 48x48} or {@code any}, or {@code null}
 * @param theme {@code light} or {@code dark}, or {@code null}
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Icon(String src, @Nullable String mimeType, @Nullable List<String> sizes, @Nullable String theme) {

}
