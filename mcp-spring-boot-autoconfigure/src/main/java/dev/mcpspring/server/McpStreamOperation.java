package dev.mcpspring.server;

import java.security.Principal;

import dev.mcpspring.jsonrpc.JsonRpcRequest;
import org.jspecify.annotations.Nullable;

/**
 * The opening or the closing of a long-lived stream: the stream of server messages of a
 * session (the GET stream of Streamable HTTP, the legacy SSE stream, the stdio session),
 * a {@code subscriptions/listen} stream of the stateless revision, or the end of a
 * session (DELETE, or the legacy SSE connection closing).
 *
 * @param kind what happens to the stream
 * @param sessionId the session, or {@code null} for a listen stream
 * @param principal the authenticated caller of a listen stream or a closing session, or
 * {@code null} (a session stream belongs to the principal that started the session)
 * @param request the {@code subscriptions/listen} request, or {@code null} for other
 * kinds
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record McpStreamOperation(Kind kind, @Nullable String sessionId, @Nullable Principal principal,
		@Nullable JsonRpcRequest request) {

	/**
	 * What happens to a stream.
	 */
	public enum Kind {

		/**
		 * The stream of server messages of a session opens; it ends when the client goes
		 * away or the session closes.
		 */
		SESSION_STREAM,

		/**
		 * A {@code subscriptions/listen} stream opens (2026-07-28).
		 */
		LISTEN,

		/**
		 * A session ends: its streams close everywhere. The stream of this operation
		 * carries no message and completes once the session is closed.
		 */
		CLOSE

	}

}
