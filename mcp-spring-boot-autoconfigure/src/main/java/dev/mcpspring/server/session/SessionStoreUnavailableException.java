package dev.mcpspring.server.session;

/**
 * Raised when the session store cannot be reached or does not answer in time. Transports
 * answer it with "try again later" ({@code 503} over HTTP) instead of waiting: requests
 * of sessions fail fast while requests that need no session go on being served.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class SessionStoreUnavailableException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param cause what the store reported, kept for the log, never sent to clients
	 */
	public SessionStoreUnavailableException(Throwable cause) {
		super("Session store unavailable", cause);
	}

}
