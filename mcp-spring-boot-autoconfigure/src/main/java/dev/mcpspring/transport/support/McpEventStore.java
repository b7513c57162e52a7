package dev.mcpspring.transport.support;

import dev.mcpspring.jsonrpc.JsonRpcMessage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Keeps the recent events of SSE streams so that a client can resume a broken stream with
 * {@code Last-Event-ID}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#resumability-and-redelivery">Resumability
 * and redelivery</a>
 */
public interface McpEventStore {

	/**
	 * Open a new stream of a session.
	 * @param sessionId the session the stream belongs to
	 * @return the stream
	 */
	EventStream create(String sessionId);

	/**
	 * Open the stream that answers one request of a session. A store shared by several
	 * instances may use the id to end the stream with an error for the request when the
	 * instance writing it stops before it answered.
	 * @param sessionId the session the stream belongs to
	 * @param requestId the id of the request the stream answers
	 * @return the stream
	 */
	default EventStream create(String sessionId, JsonNode requestId) {
		return create(sessionId);
	}

	/**
	 * Find the stream an event id belongs to. A store shared by several instances finds
	 * streams written by any of them.
	 * @param sessionId the session asking, which must own the stream
	 * @param lastEventId the id of the last event the client received
	 * @return the events after that one, live until the stream completes; empty if the id
	 * is unknown, expired or of another session; an error of
	 * {@link dev.mcpspring.server.session.SessionStoreUnavailableException} if a shared
	 * store cannot be reached
	 */
	Mono<Flux<Event>> resume(String sessionId, String lastEventId);

	/**
	 * An SSE event carrying one message.
	 *
	 * @param id the event id, unique within the session, or {@code null} on streams that
	 * cannot be resumed
	 * @param message the message
	 */
	record Event(@Nullable String id, JsonRpcMessage message) {

	}

	/**
	 * One stream of events.
	 */
	interface EventStream {

		/**
		 * Append a message.
		 * @param message the message
		 */
		void emit(JsonRpcMessage message);

		/**
		 * Mark the stream complete: no more messages will follow.
		 */
		void complete();

		/**
		 * Return all events, live until the stream completes.
		 * @return the events
		 */
		Flux<Event> events();

	}

}
