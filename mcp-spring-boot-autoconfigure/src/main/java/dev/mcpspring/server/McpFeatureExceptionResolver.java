package dev.mcpspring.server;

import java.util.function.BiFunction;

import dev.mcpspring.jsonrpc.JsonRpcError;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Turns an exception raised by a prompt, a resource or a completion handler into the
 * JSON-RPC error the client receives. Resolvers are tried in order; the first non-empty
 * answer wins, and unresolved exceptions become a generic internal error that reveals
 * nothing. Tools have {@link McpExceptionResolver} instead, because a failed tool call is
 * a result the model reads rather than a protocol error.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/server/prompts#error-handling">Prompts:
 * error handling</a>
 */
@FunctionalInterface
public interface McpFeatureExceptionResolver {

	/**
	 * Resolve an exception.
	 * @param ex the exception raised by the handler
	 * @param request the request that failed: {@code prompts/get}, {@code resources/read}
	 * or {@code completion/complete}
	 * @return the error to send, or empty to let the next resolver try
	 */
	Mono<JsonRpcError> resolveException(Throwable ex, McpRequest request);

	/**
	 * Create a resolver from a synchronous function.
	 * @param resolver returns the error, or {@code null} to pass
	 * @return the resolver
	 */
	static McpFeatureExceptionResolver forSingleError(
			BiFunction<Throwable, McpRequest, @Nullable JsonRpcError> resolver) {
		return (ex, request) -> Mono.justOrEmpty(resolver.apply(ex, request));
	}

}
