package dev.mcpspring.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Capabilities the server declares in its {@code initialize} result.
 *
 * @param tools the tools capability, or {@code null}
 * @param resources the resources capability, or {@code null}
 * @param prompts the prompts capability, or {@code null}
 * @param logging present (empty) when the server sends log messages
 * @param completions present (empty) when the server offers argument completion
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerCapabilities(@Nullable ListChanged tools, @Nullable Resources resources,
		@Nullable ListChanged prompts, @Nullable Map<String, Object> logging,
		@Nullable Map<String, Object> completions) {

	/**
	 * A capability with a {@code listChanged} flag.
	 *
	 * @param listChanged whether the server notifies when the list changes
	 */
	public record ListChanged(boolean listChanged) {

	}

	/**
	 * The resources capability.
	 *
	 * @param subscribe whether clients may subscribe to resource updates
	 * @param listChanged whether the server notifies when the list changes
	 */
	public record Resources(boolean subscribe, boolean listChanged) {

	}

}
