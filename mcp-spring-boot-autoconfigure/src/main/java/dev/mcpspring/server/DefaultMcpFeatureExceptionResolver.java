package dev.mcpspring.server;

import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import reactor.core.publisher.Mono;

/**
 * Resolves the framework's own exceptions raised by prompts, resources and completions:
 * {@link InvalidArgumentsException} and {@link ToolCallException} become {@code -32602}
 * with their message, which the application wrote for the client.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class DefaultMcpFeatureExceptionResolver implements McpFeatureExceptionResolver {

	@Override
	public Mono<JsonRpcError> resolveException(Throwable ex, McpRequest request) {
		if (ex instanceof InvalidArgumentsException || ex instanceof ToolCallException) {
			return Mono.just(JsonRpcError.of(JsonRpcErrorCodes.INVALID_PARAMS, String.valueOf(ex.getMessage())));
		}
		return Mono.empty();
	}

}
