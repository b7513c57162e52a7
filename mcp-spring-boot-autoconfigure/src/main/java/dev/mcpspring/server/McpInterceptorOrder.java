package dev.mcpspring.server;

import org.springframework.core.Ordered;

/**
 * The order values of the built-in {@link McpServerInterceptor interceptors}, lower
 * first, that is outermost. Place an interceptor of your own around them with
 * {@code @Order} or {@link Ordered}: for example
 * {@code @Order(McpInterceptorOrder.RATE_LIMIT - 1)} runs after authorization but before
 * rate limits, and an interceptor without an order runs after every built-in one, closest
 * to the handler.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class McpInterceptorOrder {

	/**
	 * Traffic logging: outermost, so that it logs what the client sees.
	 */
	public static final int TRAFFIC_LOGGING = Ordered.HIGHEST_PRECEDENCE;

	/**
	 * Observation (metrics and traces), whose time includes every other interceptor.
	 */
	public static final int OBSERVATION = Ordered.HIGHEST_PRECEDENCE + 100;

	/**
	 * Scope authorization: refusals come before any limit counts the request.
	 */
	public static final int SCOPE_AUTHORIZATION = Ordered.HIGHEST_PRECEDENCE + 300;

	/**
	 * The reactive security context of handler methods.
	 */
	public static final int SECURITY_CONTEXT = Ordered.HIGHEST_PRECEDENCE + 400;

	/**
	 * Per-tool rate limits.
	 */
	public static final int RATE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 500;

	/**
	 * The limit of concurrent tool calls.
	 */
	public static final int CONCURRENCY_LIMIT = Ordered.HIGHEST_PRECEDENCE + 600;

	/**
	 * The cache of list and read results: innermost of the built-in ones, so that cached
	 * answers are authorized, limited, observed and logged like any other.
	 */
	public static final int RESPONSE_CACHE = Ordered.HIGHEST_PRECEDENCE + 700;

	private McpInterceptorOrder() {
	}

}
