package dev.mcpspring.server;

import java.util.function.BiFunction;

import dev.mcpspring.model.CallToolResult;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Turns an exception raised by a tool into a result the model can read. Resolvers are
 * tried in order; the first non-empty answer wins, and unresolved exceptions become a
 * generic error that reveals nothing.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface McpExceptionResolver {

	/**
	 * Resolve an exception.
	 * @param ex the exception raised by the tool
	 * @param call the invocation that failed
	 * @return the result to send, or empty to let the next resolver try
	 */
	Mono<CallToolResult> resolveException(Throwable ex, ToolCall call);

	/**
	 * Create a resolver from a synchronous function.
	 * @param resolver returns the result, or {@code null} to pass
	 * @return the resolver
	 */
	static McpExceptionResolver forSingleError(BiFunction<Throwable, ToolCall, @Nullable CallToolResult> resolver) {
		return (ex, call) -> Mono.justOrEmpty(resolver.apply(ex, call));
	}

}
