package dev.mcpspring.server;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.jsonrpc.JsonRpcNotification;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The open {@code subscriptions/listen} streams of stateless clients, and the change
 * notifications each opted in to. Every notification carries the id of the subscription
 * it belongs to. When the server ends the streams, for example at shutdown, each ends
 * with the response to its listen request, which tells the client that the subscription
 * closed gracefully.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/subscriptions">Subscriptions</a>
 */
public class SubscriptionStreams {

	/**
	 * {@code _meta} key of the subscription id on listen notifications.
	 */
	public static final String SUBSCRIPTION_ID_META = "io.modelcontextprotocol/subscriptionId";

	private final Set<Listener> listeners = new CopyOnWriteArraySet<>();

	private volatile boolean closed;

	/**
	 * Open a stream: it starts with {@code notifications/subscriptions/acknowledged} and
	 * then carries the notifications the filter opted in to.
	 * @param subscriptionId the id of the listen request
	 * @param requested the filter the client sent
	 * @param honored which filter members the server supports
	 * @return the stream, open until cancelled or {@link #closeAll() closed}
	 */
	public Flux<JsonRpcMessage> listen(JsonNode subscriptionId, ObjectNode requested, Set<String> honored) {
		ObjectNode filter = JsonNodeFactory.instance.objectNode();
		requested.properties().forEach((entry) -> {
			if (honored.contains(entry.getKey())) {
				filter.set(entry.getKey(), entry.getValue());
			}
		});
		ObjectNode params = JsonNodeFactory.instance.objectNode();
		params.set("notifications", filter);
		params.putObject("_meta").set(SUBSCRIPTION_ID_META, subscriptionId);
		JsonRpcNotification acknowledged = new JsonRpcNotification("notifications/subscriptions/acknowledged", params);
		Listener listener = new Listener(subscriptionId, filter);
		return Flux.concat(Mono.just(acknowledged), listener.sink.asFlux()).doOnSubscribe((subscription) -> {
			this.listeners.add(listener);
			if (this.closed) {
				listener.close();
			}
		}).doFinally((signal) -> this.listeners.remove(listener));
	}

	/**
	 * End every open stream with the response to its listen request, and end streams
	 * opened from now on right after their acknowledgement, for example when the
	 * application shuts down.
	 */
	public void closeAll() {
		this.closed = true;
		this.listeners.forEach(Listener::close);
	}

	/**
	 * Accept new streams again after {@link #closeAll()}, when a stopped application
	 * starts again.
	 */
	public void reopen() {
		this.closed = false;
	}

	/**
	 * Send a list change to the streams that opted in to it.
	 * @param method the notification, such as {@code notifications/tools/list_changed}
	 * @param filterKey the filter member that opts in, such as {@code toolsListChanged}
	 */
	public void listChanged(String method, String filterKey) {
		for (Listener listener : this.listeners) {
			if (listener.filter.path(filterKey).asBoolean(false)) {
				listener.send(method, null);
			}
		}
	}

	/**
	 * Send a resource update to the streams subscribed to its URI.
	 * @param uri the resource URI
	 */
	public void resourceUpdated(String uri) {
		for (Listener listener : this.listeners) {
			for (JsonNode subscribed : listener.filter.path("resourceSubscriptions")) {
				if (uri.equals(subscribed.asString(null))) {
					listener.send("notifications/resources/updated", uri);
					break;
				}
			}
		}
	}

	/**
	 * Return the number of open streams.
	 * @return the count
	 */
	public int getOpenCount() {
		return this.listeners.size();
	}

	private static final class Listener {

		private final JsonNode subscriptionId;

		private final ObjectNode filter;

		private final Sinks.Many<JsonRpcMessage> sink = Sinks.many().unicast().onBackpressureBuffer();

		private final AtomicBoolean closed = new AtomicBoolean();

		Listener(JsonNode subscriptionId, ObjectNode filter) {
			this.subscriptionId = subscriptionId;
			this.filter = filter;
		}

		void send(String method, @Nullable String uri) {
			ObjectNode params = JsonNodeFactory.instance.objectNode();
			if (uri != null) {
				params.put("uri", uri);
			}
			params.putObject("_meta").set(SUBSCRIPTION_ID_META, this.subscriptionId);
			this.sink.emitNext(new JsonRpcNotification(method, params), EmitRetry.handler());
		}

		/**
		 * Answer the listen request with a complete result carrying the subscription id,
		 * then end the stream.
		 */
		void close() {
			if (!this.closed.compareAndSet(false, true)) {
				return;
			}
			ObjectNode result = JsonNodeFactory.instance.objectNode().put("resultType", "complete");
			result.putObject("_meta").set(SUBSCRIPTION_ID_META, this.subscriptionId);
			this.sink.emitNext(JsonRpcResponse.success(this.subscriptionId, result), EmitRetry.handler());
			this.sink.emitComplete(EmitRetry.handler());
		}

	}

}
