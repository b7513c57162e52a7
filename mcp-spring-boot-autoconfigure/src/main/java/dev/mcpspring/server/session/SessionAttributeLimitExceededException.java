package dev.mcpspring.server.session;

/**
 * Raised when storing a session attribute would exceed the number of attributes or the
 * JSON size a session may hold. A tool call that raises it is answered with a tool error
 * carrying the message.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class SessionAttributeLimitExceededException extends IllegalStateException {

	/**
	 * Create an exception.
	 * @param message what limit was exceeded, and by which attribute
	 */
	public SessionAttributeLimitExceededException(String message) {
		super(message);
	}

}
