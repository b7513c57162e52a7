package dev.mcpspring.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

/**
 * Requests being served, so that {@code notifications/cancelled} can stop them. Within a
 * session a request id names one request in flight at a time; requests without a session
 * cannot be told apart, so they are never refused.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
class InFlightRequests {

	private final Map<String, Sinks.Empty<Void>> cancellations = new ConcurrentHashMap<>();

	/**
	 * Serve a request so that cancelling it disposes the work and emits nothing.
	 * @param sessionId the session, or {@code null}
	 * @param id the request id
	 * @param work the work
	 * @param <T> the result type
	 * @return the result, or empty when cancelled; a {@link JsonRpcException} (Invalid
	 * Request) when the session already has a request with this id in flight
	 */
	<T> Mono<T> track(@Nullable String sessionId, JsonNode id, Mono<T> work) {
		String key = key(sessionId, id);
		return Mono.defer(() -> {
			Sinks.Empty<Void> cancel = Sinks.empty();
			if (sessionId == null) {
				this.cancellations.put(key, cancel);
			}
			else if (this.cancellations.putIfAbsent(key, cancel) != null) {
				return Mono.error(new JsonRpcException(
						JsonRpcError.of(JsonRpcErrorCodes.INVALID_REQUEST, "Request id already in use"), id));
			}
			// the id is free before the answer leaves, so the client may reuse it at once
			Runnable release = () -> this.cancellations.remove(key, cancel);
			return work.takeUntilOther(cancel.asMono().then(Mono.just(true)))
				.doOnEach((signal) -> release.run())
				.doOnCancel(release);
		});
	}

	/**
	 * Cancel a request.
	 * @param sessionId the session, or {@code null}
	 * @param id the request id
	 * @return {@code true} if it was in flight
	 */
	boolean cancel(@Nullable String sessionId, JsonNode id) {
		Sinks.Empty<Void> cancel = this.cancellations.remove(key(sessionId, id));
		return cancel != null && cancel.tryEmitEmpty().isSuccess();
	}

	private static String key(@Nullable String sessionId, JsonNode id) {
		// ids are strings or numbers; the marker keeps "1" and 1 apart
		return sessionId + (id.isString() ? " s:" : " n:") + id.asString();
	}

}
