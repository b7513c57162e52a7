package dev.mcpspring.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One page of {@code resources/list}.
 *
 * @param resources the items of this page
 * @param nextCursor the cursor of the next page, or {@code null} on the last page
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListResourcesResult(List<Resource> resources, @Nullable String nextCursor) {

}
