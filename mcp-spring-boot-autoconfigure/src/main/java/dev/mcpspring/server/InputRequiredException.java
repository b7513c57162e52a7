package dev.mcpspring.server;

/**
 * Signals that a stateless request needs input from the client (elicitation, sampling,
 * roots) before it can complete. The engine answers with an {@code InputRequiredResult};
 * the client retries the request with the responses, and the handler runs again. Handlers
 * let it propagate.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr">Multi
 * round-trip requests</a>
 */
public class InputRequiredException extends RuntimeException {

	/**
	 * Create the signal.
	 */
	public InputRequiredException() {
		super("Input required", null, false, false);
	}

	/**
	 * Whether an error means that input is required, also when several errors were
	 * combined, as {@code Mono.zipDelayError} does for parallel input requests.
	 * @param ex the error
	 * @return {@code true} if the request needs input
	 */
	public static boolean isInputRequired(Throwable ex) {
		return ex instanceof InputRequiredException || reactor.core.Exceptions.unwrapMultiple(ex)
			.stream()
			.anyMatch(InputRequiredException.class::isInstance);
	}

}
