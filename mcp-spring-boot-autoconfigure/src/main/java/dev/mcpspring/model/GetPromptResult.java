package dev.mcpspring.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Result of {@code prompts/get}. Return it from a prompt method for full control.
 *
 * @param description a description of the rendered prompt, or {@code null}
 * @param messages the messages
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GetPromptResult(@Nullable String description, List<PromptMessage> messages) {

}
