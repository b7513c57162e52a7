package dev.mcpspring.transport.support;

import java.util.function.Function;

import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import dev.mcpspring.server.McpClientChannel;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Decides how one request is answered over HTTP: a single JSON response when the response
 * is the only message, or an SSE stream as soon as a message must go ahead of it
 * (progress, logs, server-to-client requests). Messages flow into an
 * {@link McpEventStore.EventStream} independent of the HTTP connection, so a client that
 * disconnects can resume and the work is not cancelled.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class ResponseRouter implements McpClientChannel {

	private final Function<String, McpEventStore.EventStream> streamFactory;

	private final String sessionId;

	private final Sinks.One<Outcome> outcome = Sinks.one();

	private McpEventStore.@Nullable EventStream stream;

	private boolean done;

	/**
	 * Create a router.
	 * @param streamFactory opens an event stream for a session id
	 * @param sessionId the session the request belongs to
	 * @param streamFromStart whether to answer with a stream even when the response is
	 * the only message
	 */
	public ResponseRouter(Function<String, McpEventStore.EventStream> streamFactory, String sessionId,
			boolean streamFromStart) {
		this.streamFactory = streamFactory;
		this.sessionId = sessionId;
		if (streamFromStart) {
			openStream();
		}
	}

	@Override
	public synchronized void send(JsonRpcMessage message) {
		if (this.done) {
			return;
		}
		if (this.stream == null) {
			openStream();
		}
		this.stream.emit(message);
	}

	/**
	 * Deliver the final response, or nothing when the request was cancelled.
	 * @param response the response, or {@code null}
	 */
	public synchronized void complete(@Nullable JsonRpcResponse response) {
		if (this.done) {
			return;
		}
		this.done = true;
		if (this.stream != null) {
			if (response != null) {
				this.stream.emit(response);
			}
			this.stream.complete();
		}
		else {
			this.outcome.tryEmitValue(new Outcome(response, null));
		}
	}

	/**
	 * Fail the request with an error the transport answers with an HTTP status of its
	 * own, such as a missing scope. Before a stream opened the outcome fails with it;
	 * afterwards the stream ends with the given JSON-RPC error response instead.
	 * @param ex the error
	 * @param fallback the response sent when a stream is already open
	 */
	public synchronized void fail(Throwable ex, JsonRpcResponse fallback) {
		if (this.done) {
			return;
		}
		if (this.stream != null) {
			complete(fallback);
			return;
		}
		this.done = true;
		this.outcome.tryEmitError(ex);
	}

	/**
	 * Whether the request has been answered (or cancelled): from then on, an open stream
	 * holds every message it will ever carry.
	 * @return {@code true} once complete
	 */
	public synchronized boolean isComplete() {
		return this.done;
	}

	/**
	 * Return how the request is answered, once known.
	 * @return the outcome
	 */
	public Mono<Outcome> outcome() {
		return this.outcome.asMono();
	}

	private void openStream() {
		this.stream = this.streamFactory.apply(this.sessionId);
		this.outcome.tryEmitValue(new Outcome(null, this.stream));
	}

	/**
	 * How a request is answered: a single response, a stream, or neither when cancelled.
	 *
	 * @param response the single response, or {@code null}
	 * @param stream the stream, or {@code null}
	 */
	public record Outcome(@Nullable JsonRpcResponse response, McpEventStore.@Nullable EventStream stream) {

	}

}
