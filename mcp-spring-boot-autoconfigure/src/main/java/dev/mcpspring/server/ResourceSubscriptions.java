package dev.mcpspring.server;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.mcpspring.jsonrpc.JsonRpcNotification;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which sessions subscribed to which resource URIs, and the
 * {@link ResourceUpdatePublisher} that notifies them.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ResourceSubscriptions implements ResourceUpdatePublisher {

	private final Map<String, Set<String>> sessionsByUri = new ConcurrentHashMap<>();

	private final McpSessionChannels channels;

	private final SubscriptionStreams streams;

	/**
	 * Create the subscriptions.
	 * @param channels where notifications to sessions go
	 * @param streams the listen streams of stateless clients
	 */
	public ResourceSubscriptions(McpSessionChannels channels, SubscriptionStreams streams) {
		this.channels = channels;
		this.streams = streams;
	}

	/**
	 * Subscribe a session to a URI.
	 * @param sessionId the session
	 * @param uri the resource URI
	 */
	public void subscribe(String sessionId, String uri) {
		this.sessionsByUri.computeIfAbsent(uri, (key) -> ConcurrentHashMap.newKeySet()).add(sessionId);
	}

	/**
	 * Unsubscribe a session from a URI.
	 * @param sessionId the session
	 * @param uri the resource URI
	 */
	public void unsubscribe(String sessionId, String uri) {
		this.sessionsByUri.computeIfPresent(uri, (key, sessions) -> {
			sessions.remove(sessionId);
			return sessions.isEmpty() ? null : sessions;
		});
	}

	/**
	 * Drop every subscription of an ended session.
	 * @param sessionId the session
	 */
	public void removeSession(String sessionId) {
		this.sessionsByUri.keySet().forEach((uri) -> unsubscribe(sessionId, uri));
	}

	@Override
	public void resourceUpdated(String uri) {
		this.streams.resourceUpdated(uri);
		Set<String> sessions = this.sessionsByUri.get(uri);
		if (sessions == null) {
			return;
		}
		ObjectNode params = JsonNodeFactory.instance.objectNode().put("uri", uri);
		JsonRpcNotification notification = new JsonRpcNotification("notifications/resources/updated", params);
		sessions.forEach((sessionId) -> this.channels.send(sessionId, notification));
	}

}
