package dev.mcpspring.server;

import reactor.core.publisher.Mono;

/**
 * Around-advice for every request the engine serves, for cross-cutting concerns such as
 * observation or authorization. Interceptors run in order; each calls the chain to go
 * on.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface McpServerInterceptor {

	/**
	 * Intercept a request.
	 * @param request the request
	 * @param chain the rest of the chain, ending with the engine's dispatch
	 * @return the response, or empty when the request was cancelled
	 */
	Mono<McpResponse> intercept(McpRequest request, Chain chain);

	/**
	 * Return an interceptor that runs this one, then the given one.
	 * @param next the interceptor to run inside this one
	 * @return the combined interceptor
	 */
	default McpServerInterceptor andThen(McpServerInterceptor next) {
		return (request, chain) -> intercept(request, (nextRequest) -> next.intercept(nextRequest, chain));
	}

	/**
	 * The rest of the interceptor chain.
	 */
	@FunctionalInterface
	interface Chain {

		/**
		 * Continue with the request.
		 * @param request the request, possibly decorated
		 * @return the response
		 */
		Mono<McpResponse> next(McpRequest request);

	}

}
