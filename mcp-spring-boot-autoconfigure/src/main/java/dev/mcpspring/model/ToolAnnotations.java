package dev.mcpspring.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Behavioural hints about a tool. Clients must not rely on them for security.
 *
 * @param title a display title, or {@code null}
 * @param readOnlyHint whether the tool does not modify its environment
 * @param destructiveHint whether the tool may perform destructive updates
 * @param idempotentHint whether repeated calls with the same arguments have no further
 * effect
 * @param openWorldHint whether the tool interacts with external entities
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolAnnotations(@Nullable String title, @Nullable Boolean readOnlyHint, @Nullable Boolean destructiveHint,
		@Nullable Boolean idempotentHint, @Nullable Boolean openWorldHint) {

}
