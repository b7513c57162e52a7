package dev.mcpspring.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Hints on how clients should use or display content.
 *
 * @param audience who the content is for, or {@code null}
 * @param priority importance from 0 (optional) to 1 (required), or {@code null}
 * @param lastModified ISO 8601 time of the last change, or {@code null}
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Annotations(@Nullable List<Role> audience, @Nullable Double priority, @Nullable String lastModified) {

}
