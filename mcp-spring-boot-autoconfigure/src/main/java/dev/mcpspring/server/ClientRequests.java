package dev.mcpspring.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Requests the server sends to clients (sampling, elicitation, roots) that wait for the
 * client's response, which arrives as a separate message.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ClientRequests {

	private static final String ID_SEPARATOR = "-s";

	private final Map<String, Sinks.One<JsonRpcResponse>> pending = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	private final Duration timeout;

	private final String idPrefix;

	/**
	 * Create a registry of pending requests.
	 * @param timeout how long to wait for each response
	 * @param instanceId the id of this server instance, which starts the id of every
	 * request, so that the answer can be routed back from another instance
	 */
	public ClientRequests(Duration timeout, String instanceId) {
		this.timeout = timeout;
		this.idPrefix = instanceId + ID_SEPARATOR;
	}

	/**
	 * Return the instance that sent the request a response answers, read from its id.
	 * @param response the response of a client
	 * @return the instance id, or {@code null} when the id is not one of ours
	 */
	public static @Nullable String instanceOf(JsonRpcResponse response) {
		JsonNode id = response.id();
		if (id == null || !id.isString()) {
			return null;
		}
		int separator = id.asString().indexOf(ID_SEPARATOR);
		return (separator > 0) ? id.asString().substring(0, separator) : null;
	}

	/**
	 * Send a request and wait for its response.
	 * @param sessionId the session the response must come from, or {@code null}
	 * @param channel where to send the request
	 * @param method the method
	 * @param params the parameters
	 * @return the result, or an {@link McpException} if the client answered with an error
	 * or did not answer in time
	 */
	public Mono<JsonNode> send(@Nullable String sessionId, McpClientChannel channel, String method, ObjectNode params) {
		return Mono.defer(() -> {
			String id = this.idPrefix + this.ids.incrementAndGet();
			String key = key(sessionId, id);
			Sinks.One<JsonRpcResponse> sink = Sinks.one();
			this.pending.put(key, sink);
			channel.send(new JsonRpcRequest(StringNode.valueOf(id), method, params));
			return sink.asMono()
				.timeout(this.timeout)
				.onErrorMap(TimeoutException.class,
						(ex) -> new McpException(JsonRpcErrorCodes.INTERNAL_ERROR,
								"The client did not answer " + method + " in time"))
				.flatMap(ClientRequests::result)
				.doFinally((signal) -> this.pending.remove(key));
		});
	}

	/**
	 * Complete the pending request a client response answers.
	 * @param sessionId the session it came from, or {@code null}
	 * @param response the response
	 * @return {@code true} if a request was waiting for it
	 */
	public boolean complete(@Nullable String sessionId, JsonRpcResponse response) {
		JsonNode id = response.id();
		Sinks.One<JsonRpcResponse> sink = (id != null) ? this.pending.remove(key(sessionId, id.asString())) : null;
		return sink != null && sink.tryEmitValue(response).isSuccess();
	}

	private static Mono<JsonNode> result(JsonRpcResponse response) {
		if (response.error() != null) {
			return Mono
				.error(new McpException(response.error().code(), response.error().message(), response.error().data()));
		}
		return Mono.just((JsonNode) response.result());
	}

	private static String key(@Nullable String sessionId, String id) {
		return (sessionId != null) ? sessionId + ' ' + id : id;
	}

}
