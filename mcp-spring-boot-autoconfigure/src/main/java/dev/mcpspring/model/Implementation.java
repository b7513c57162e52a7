package dev.mcpspring.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Name and version of an MCP implementation, sent as {@code serverInfo}.
 *
 * @param name the programmatic name
 * @param title the display name, or {@code null}
 * @param version the version
 * @param description a description, or {@code null}
 * @param icons the icons, or {@code null}
 * @param websiteUrl the website, or {@code null}
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Implementation(String name, @Nullable String title, String version, @Nullable String description,
		@Nullable List<Icon> icons, @Nullable String websiteUrl) {

	/**
	 * Create an implementation with a name and version only.
	 * @param name the name
	 * @param version the version
	 * @return the implementation
	 */
	public static Implementation of(String name, String version) {
		return new Implementation(name, null, version, null, null, null);
	}

}
