package dev.mcpspring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A root the client exposes, such as a project directory.
 *
 * @param uri the root URI, usually {@code file://}
 * @param name a display name, or {@code null}
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Root(String uri, @Nullable String name) {

}
