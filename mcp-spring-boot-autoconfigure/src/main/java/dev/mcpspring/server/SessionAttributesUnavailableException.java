package dev.mcpspring.server;

/**
 * Raised when a handler uses session attributes on a request that has no session: a
 * stateless request (revision 2026-07-28), or any request of a server with sessions
 * disabled. Such state belongs in the {@code requestState} of a multi-round-trip call or
 * in the application's own store, keyed by something the client sends. Failing beats
 * silently losing what the handler meant to keep. A tool call that raises it is answered
 * with a tool error carrying the message.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class SessionAttributesUnavailableException extends IllegalStateException {

	/**
	 * Create an exception for a request served under the given revision.
	 * @param protocolVersion the revision of the request
	 * @param stateless whether the revision is stateless, rather than sessions disabled
	 */
	public SessionAttributesUnavailableException(String protocolVersion, boolean stateless) {
		super(stateless
				? "Session attributes are unavailable: this request uses the stateless protocol revision "
						+ protocolVersion + ", which has no session; keep state in requestState or your own store"
				: "Session attributes are unavailable: sessions are disabled (mcp.server.session.enabled=false); "
						+ "keep state in your own store");
	}

}
