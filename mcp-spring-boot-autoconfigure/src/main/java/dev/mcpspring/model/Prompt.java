package dev.mcpspring.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A prompt template, as listed by {@code prompts/list}.
 *
 * @param name the unique name
 * @param title the display title, or {@code null}
 * @param description what the prompt is for, or {@code null}
 * @param arguments the arguments it takes
 * @param icons the icons, or {@code null}
 * @param meta the {@code _meta} object, or {@code null}
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Prompt(String name, @Nullable String title, @Nullable String description, List<PromptArgument> arguments,
		@Nullable List<Icon> icons, @JsonProperty("_meta") @Nullable Map<String, Object> meta) {

}
