package dev.mcpspring.server;

/**
 * Raised when a client asks for a long-lived stream while the limit of open streams is
 * reached. Transports answer it with "try again later" ({@code 503} over HTTP).
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class StreamLimitExceededException extends RuntimeException {

	/**
	 * Create an exception for the given limit.
	 * @param maxStreams the configured maximum
	 */
	public StreamLimitExceededException(int maxStreams) {
		super("Stream limit of " + maxStreams + " reached", null, false, false);
	}

}
