package dev.mcpspring.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.jsonrpc.JsonRpcNotification;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import dev.mcpspring.server.session.McpSessionBroker;
import dev.mcpspring.server.session.McpSessionRepository;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivers what belongs to no request wherever the client is: a message for a session
 * whose stream this instance holds goes out directly, otherwise through the
 * {@link McpSessionBroker} to the instance that holds it. The client's answers to server
 * requests, cancellations, closed sessions, list changes and resource updates travel the
 * same way. Three kinds of topic: one per session stream, one per instance, and one all
 * instances hear.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
class SessionMessaging implements ResourceUpdatePublisher {

	private static final Log logger = LogFactory.getLog(SessionMessaging.class);

	private static final String ALL = "mcp.all";

	private final McpSessionBroker broker;

	private final JsonRpcCodec codec;

	private final McpSessionRepository repository;

	private final ClientRequests clientRequests;

	private final InFlightRequests inFlightRequests;

	private final McpSessionChannels channels = new McpSessionChannels();

	private final SubscriptionStreams listenStreams = new SubscriptionStreams();

	private final List<Disposable> subscriptions;

	private final Consumer<String> resourceUpdates;

	SessionMessaging(McpSessionBroker broker, JsonRpcCodec codec, McpSessionRepository repository,
			ClientRequests clientRequests, InFlightRequests inFlightRequests, Consumer<String> resourceUpdates) {
		this.broker = broker;
		this.codec = codec;
		this.repository = repository;
		this.clientRequests = clientRequests;
		this.inFlightRequests = inFlightRequests;
		this.resourceUpdates = resourceUpdates;
		this.subscriptions = List.of(broker.subscribe(McpSessionBroker.instanceTopic(broker.getInstanceId()))
			.subscribe(this::onInstanceMessage), broker.subscribe(ALL).subscribe(this::onBroadcast));
	}

	McpSessionChannels getChannels() {
		return this.channels;
	}

	SubscriptionStreams getListenStreams() {
		return this.listenStreams;
	}

	/**
	 * Open the stream of a session on this instance: the messages sent to the session
	 * here or from other instances, until the stream is replaced or the session ends.
	 */
	Flux<JsonRpcMessage> attach(String sessionId) {
		Flux<JsonRpcMessage> local = this.channels.open(sessionId);
		Disposable remote = this.broker.subscribe(sessionTopic(sessionId))
			.subscribe((payload) -> this.channels.send(sessionId, decode(payload)));
		return local.doFinally((signal) -> remote.dispose());
	}

	/**
	 * Send a message to the stream of a session, wherever it is open.
	 */
	void send(String sessionId, JsonRpcMessage message) {
		if (!this.channels.send(sessionId, message)) {
			this.broker.publish(sessionTopic(sessionId), this.codec.encodeToString(message));
		}
	}

	/**
	 * Tell every session and every listen stream, here and elsewhere, that a list
	 * changed.
	 */
	void listChanged(String method, String filterKey) {
		deliverListChanged(method, filterKey);
		broadcast(event("listChanged").put("method", method).put("filterKey", filterKey));
	}

	@Override
	public void resourceUpdated(String uri) {
		this.resourceUpdates.accept(uri);
		ObjectNode params = JsonNodeFactory.instance.objectNode().put("uri", uri);
		JsonRpcNotification notification = new JsonRpcNotification("notifications/resources/updated", params);
		this.repository.findSubscribers(uri)
			.subscribe((sessionId) -> send(sessionId, notification),
					(ex) -> logger.warn("Could not find the subscribers of an updated resource", ex));
		this.listenStreams.resourceUpdated(uri);
		broadcast(event("resourceUpdated").put("uri", uri));
	}

	/**
	 * Deliver a client's response to a request of the server, to the instance that sent
	 * the request.
	 */
	void completeClientRequest(@Nullable String sessionId, JsonRpcResponse response) {
		if (this.clientRequests.complete(sessionId, response)) {
			return;
		}
		String instance = ClientRequests.instanceOf(response);
		if (instance != null && !instance.equals(this.broker.getInstanceId())) {
			ObjectNode envelope = JsonNodeFactory.instance.objectNode().put("session", sessionId);
			envelope.set("response", this.codec.getJsonMapper().readTree(this.codec.encode(response)));
			this.broker.publish(McpSessionBroker.instanceTopic(instance), envelope.toString());
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Response to unknown request " + response.id());
		}
	}

	/**
	 * Cancel a request of a session, wherever it runs.
	 */
	void cancel(String sessionId, JsonNode requestId) {
		if (!this.inFlightRequests.cancel(sessionId, requestId)) {
			ObjectNode event = event("cancel").put("session", sessionId);
			event.set("requestId", requestId);
			broadcast(event);
		}
	}

	/**
	 * End the streams of a session that was closed, here and elsewhere.
	 */
	void closed(String sessionId) {
		this.channels.close(sessionId);
		broadcast(event("closed").put("session", sessionId));
	}

	/**
	 * End every stream this instance holds, for shutdown.
	 */
	void closeAll() {
		this.channels.closeAll();
		this.listenStreams.closeAll();
	}

	/**
	 * Accept new streams again, for a stopped application that starts again.
	 */
	void reopen() {
		this.channels.reopen();
		this.listenStreams.reopen();
	}

	void dispose() {
		this.subscriptions.forEach(Disposable::dispose);
	}

	private void deliverListChanged(String method, String filterKey) {
		this.channels.sendToAll(new JsonRpcNotification(method, null));
		this.listenStreams.listChanged(method, filterKey);
	}

	private ObjectNode event(String type) {
		return JsonNodeFactory.instance.objectNode().put("type", type).put("origin", this.broker.getInstanceId());
	}

	private void broadcast(ObjectNode event) {
		this.broker.publish(ALL, event.toString());
	}

	private void onBroadcast(String payload) {
		try {
			JsonNode message = this.codec.getJsonMapper().readTree(payload);
			if (this.broker.getInstanceId().equals(message.path("origin").asString(""))) {
				return;
			}
			switch (message.path("type").asString("")) {
				case "listChanged" ->
					deliverListChanged(message.path("method").asString(), message.path("filterKey").asString());
				case "resourceUpdated" -> {
					this.resourceUpdates.accept(message.path("uri").asString());
					this.listenStreams.resourceUpdated(message.path("uri").asString());
				}
				case "cancel" ->
					this.inFlightRequests.cancel(message.path("session").asString(), message.path("requestId"));
				case "closed" -> this.channels.close(message.path("session").asString());
				default -> logger.debug("Ignoring an unknown broadcast");
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Ignoring an unreadable message from another instance", ex);
		}
	}

	private void onInstanceMessage(String payload) {
		try {
			JsonNode envelope = this.codec.getJsonMapper().readTree(payload);
			JsonRpcMessage response = this.codec.decode(envelope.get("response"));
			String sessionId = envelope.path("session").isString() ? envelope.path("session").asString() : null;
			if (response instanceof JsonRpcResponse clientResponse
					&& !this.clientRequests.complete(sessionId, clientResponse) && logger.isDebugEnabled()) {
				logger.debug("Response to unknown request " + clientResponse.id());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Ignoring an unreadable message from another instance", ex);
		}
	}

	private JsonRpcMessage decode(String payload) {
		return this.codec.decode(payload.getBytes(StandardCharsets.UTF_8));
	}

	private static String sessionTopic(String sessionId) {
		return "mcp.session." + sessionId;
	}

}
