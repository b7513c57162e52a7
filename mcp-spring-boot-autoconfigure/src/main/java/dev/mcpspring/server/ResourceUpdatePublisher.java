package dev.mcpspring.server;

/**
 * Tells subscribed clients that a resource changed. Inject it into application code and
 * call it whenever the contents behind a URI change.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface ResourceUpdatePublisher {

	/**
	 * Send {@code notifications/resources/updated} to every session subscribed to the
	 * URI.
	 * @param uri the URI of the changed resource
	 */
	void resourceUpdated(String uri);

}
