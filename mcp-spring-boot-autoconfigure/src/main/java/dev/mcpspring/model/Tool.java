package dev.mcpspring.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool as listed by {@code tools/list}.
 *
 * @param name the unique name
 * @param title the display title, or {@code null}
 * @param description what the tool does, or {@code null}
 * @param inputSchema the JSON Schema of the arguments
 * @param outputSchema the JSON Schema of {@code structuredContent}, or {@code null}
 * @param annotations behavioural hints, or {@code null}
 * @param icons the icons, or {@code null}
 * @param meta the {@code _meta} object, or {@code null}
 * @param execution how the tool runs (task support), or {@code null}
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tool(String name, @Nullable String title, @Nullable String description, ObjectNode inputSchema,
		@Nullable ObjectNode outputSchema, @Nullable ToolAnnotations annotations, @Nullable List<Icon> icons,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta, @Nullable ToolExecution execution) {

	/**
	 * Create a tool that always answers synchronously.
	 * @param name the unique name
	 * @param title the display title, or {@code null}
	 * @param description what the tool does, or {@code null}
	 * @param inputSchema the JSON Schema of the arguments
	 * @param outputSchema the JSON Schema of {@code structuredContent}, or {@code null}
	 * @param annotations behavioural hints, or {@code null}
	 * @param icons the icons, or {@code null}
	 * @param meta the {@code _meta} object, or {@code null}
	 */
	public Tool(String name, @Nullable String title, @Nullable String description, ObjectNode inputSchema,
			@Nullable ObjectNode outputSchema, @Nullable ToolAnnotations annotations, @Nullable List<Icon> icons,
			@Nullable Map<String, Object> meta) {
		this(name, title, description, inputSchema, outputSchema, annotations, icons, meta, null);
	}

}
