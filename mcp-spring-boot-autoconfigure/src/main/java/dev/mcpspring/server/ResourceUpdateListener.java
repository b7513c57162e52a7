package dev.mcpspring.server;

/**
 * Hears of updated resources, here or on another instance: an interceptor that implements
 * it is told by the {@link McpSessionService}.
 *
 * @author MCP Spring Boot team
 */
interface ResourceUpdateListener {

	/**
	 * Called when a resource was updated.
	 * @param uri the URI of the resource
	 */
	void resourceUpdated(String uri);

}
