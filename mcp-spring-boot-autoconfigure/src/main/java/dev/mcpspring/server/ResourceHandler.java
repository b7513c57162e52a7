package dev.mcpspring.server;

import dev.mcpspring.model.ReadResourceResult;
import dev.mcpspring.model.Resource;
import dev.mcpspring.model.ResourceTemplate;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A resource with a fixed URI, or a family of resources matched by a URI template.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public interface ResourceHandler {

	/**
	 * Return the resource as listed by {@code resources/list}.
	 * @return the resource, or {@code null} for a template
	 */
	@Nullable Resource getResource();

	/**
	 * Return the template as listed by {@code resources/templates/list}.
	 * @return the template, or {@code null} for a fixed URI
	 */
	@Nullable ResourceTemplate getResourceTemplate();

	/**
	 * Read the resource.
	 * @param invocation the URI, the template variables and the request
	 * @return the contents
	 */
	Mono<ReadResourceResult> read(ResourceRead invocation);

}
