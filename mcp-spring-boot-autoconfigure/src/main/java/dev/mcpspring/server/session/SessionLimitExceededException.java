package dev.mcpspring.server.session;

/**
 * Raised when a new session would exceed the configured maximum.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class SessionLimitExceededException extends RuntimeException {

	/**
	 * Create an exception for the given limit.
	 * @param maxSessions the configured maximum
	 */
	public SessionLimitExceededException(int maxSessions) {
		super("Session limit of " + maxSessions + " reached", null, false, false);
	}

}
