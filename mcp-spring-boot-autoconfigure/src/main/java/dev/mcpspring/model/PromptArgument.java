package dev.mcpspring.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * An argument of a prompt.
 *
 * @param name the name
 * @param title the display title, or {@code null}
 * @param description what it means, or {@code null}
 * @param required whether it must be supplied
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromptArgument(String name, @Nullable String title, @Nullable String description, boolean required) {

}
