package dev.mcpspring.server;

import java.time.Duration;
import java.util.Map;

import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;

/**
 * A tool call refused because its rate limit is used up, such as by
 * {@link ToolRateLimitInterceptor}; the tool is not invoked. The engine leaves it to the
 * transport: HTTP answers {@code 429} with {@code Retry-After} and the request's id,
 * other transports the JSON-RPC error {@code -32603} "Rate limit exceeded" whose
 * {@code data.retryAfterSeconds} says when to try again.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class RateLimitExceededException extends McpException {

	private final long retryAfterSeconds;

	/**
	 * Create the exception.
	 * @param retryAfter how long until a call may succeed
	 */
	public RateLimitExceededException(Duration retryAfter) {
		this(seconds(retryAfter));
	}

	private RateLimitExceededException(long retryAfterSeconds) {
		super(JsonRpcErrorCodes.INTERNAL_ERROR, "Rate limit exceeded", Map.of("retryAfterSeconds", retryAfterSeconds));
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/**
	 * Return the whole seconds to wait, at least one, for {@code Retry-After}.
	 * @return the seconds
	 */
	public long getRetryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	private static long seconds(Duration retryAfter) {
		long seconds = retryAfter.getSeconds() + ((retryAfter.getNano() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

}
