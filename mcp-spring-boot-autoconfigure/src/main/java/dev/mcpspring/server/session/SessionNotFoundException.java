package dev.mcpspring.server.session;

/**
 * Raised when a request names a session that does not exist, has expired, was closed, or
 * belongs to another principal: the client must start a new session. Transports answer it
 * with {@code 404} over HTTP.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class SessionNotFoundException extends RuntimeException {

	/**
	 * Create an exception.
	 */
	public SessionNotFoundException() {
		super("Session not found", null, false, false);
	}

}
