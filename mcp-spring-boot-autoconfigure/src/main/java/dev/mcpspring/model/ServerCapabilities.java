package dev.mcpspring.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Capabilities the server declares in its {@code initialize} result.
 *
 * @param tools the tools capability, or {@code null} when the server has no tools
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerCapabilities(@Nullable ListChanged tools) {

	/**
	 * A capability with a {@code listChanged} flag.
	 *
	 * @param listChanged whether the server notifies when the list changes
	 */
	public record ListChanged(boolean listChanged) {

	}

}
