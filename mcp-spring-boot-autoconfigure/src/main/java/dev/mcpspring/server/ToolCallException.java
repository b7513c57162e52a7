package dev.mcpspring.server;

/**
 * Thrown by a tool to report a failure to the model: the call answers with a result of
 * {@code isError: true} whose text is this exception's message.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ToolCallException extends RuntimeException {

	/**
	 * Create an exception whose message the model will read.
	 * @param message what went wrong, phrased so the model can act on it
	 */
	public ToolCallException(String message) {
		super(message);
	}

	/**
	 * Create an exception whose message the model will read.
	 * @param message what went wrong, phrased so the model can act on it
	 * @param cause the cause, logged but never sent
	 */
	public ToolCallException(String message, Throwable cause) {
		super(message, cause);
	}

}
