package dev.mcpspring.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The contents of a resource embedded in a result.
 *
 * @param resource the resource contents
 * @param annotations display hints, or {@code null}
 * @param meta the {@code _meta} object, or {@code null}
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "resource" })
public record EmbeddedResource(ResourceContents resource, @Nullable Annotations annotations,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) implements Content {

	@Override
	public String type() {
		return "resource";
	}

}
