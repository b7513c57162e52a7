package dev.mcpspring.server;

import java.security.Principal;

import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.server.session.McpSession;
import org.jspecify.annotations.Nullable;

/**
 * One client message, once {@link McpSessionService#accept accepted}: how it is served,
 * with the session it belongs to and the protocol revision that applies.
 *
 * @param kind how the message is served
 * @param message the message
 * @param session the session of a {@link Kind#SESSION} message, else {@code null}
 * @param protocolVersion the protocol revision the message is served with
 * @param principal the authenticated caller, or {@code null}
 * @param headers the HTTP headers exposed to handlers, {@link RequestHeaders#EMPTY}
 * without HTTP
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record McpCall(Kind kind, JsonRpcMessage message, @Nullable McpSession session, String protocolVersion,
		@Nullable Principal principal, RequestHeaders headers) {

	/**
	 * Create a call without headers.
	 * @param kind how the message is served
	 * @param message the message
	 * @param session the session of a {@link Kind#SESSION} message, else {@code null}
	 * @param protocolVersion the protocol revision the message is served with
	 * @param principal the authenticated caller, or {@code null}
	 */
	public McpCall(Kind kind, JsonRpcMessage message, @Nullable McpSession session, String protocolVersion,
			@Nullable Principal principal) {
		this(kind, message, session, protocolVersion, principal, RequestHeaders.EMPTY);
	}

	/**
	 * Whether the message is a request, which gets a response.
	 * @return {@code true} for a request
	 */
	public boolean isRequest() {
		return this.message instanceof JsonRpcRequest;
	}

	/**
	 * Whether the message is a {@code subscriptions/listen} request of the stateless
	 * revision, answered with a stream.
	 * @return {@code true} for a listen request
	 */
	public boolean isListen() {
		return this.kind == Kind.STATELESS && this.message instanceof JsonRpcRequest request
				&& "subscriptions/listen".equals(request.method());
	}

	/**
	 * How a message is served.
	 */
	public enum Kind {

		/**
		 * On its own, by a stateless revision (2026-07-28): everything it needs is in the
		 * message.
		 */
		STATELESS,

		/**
		 * {@code initialize}, which starts a session when sessions are enabled.
		 */
		INITIALIZE,

		/**
		 * Within an existing session, owned by the caller.
		 */
		SESSION,

		/**
		 * A session-era message on a server without sessions: served on its own, so that
		 * any replica behind a round-robin balancer can answer it.
		 */
		SESSIONLESS

	}

}
