package dev.mcpspring.server;

import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.server.session.SessionAttributeLimitExceededException;
import reactor.core.publisher.Mono;

/**
 * Resolves the framework's own tool exceptions: {@link ToolCallException}, a missing
 * client capability and misused session attributes to their message, and
 * {@link InvalidArgumentsException} to a message naming every bad field.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class DefaultMcpExceptionResolver implements McpExceptionResolver {

	@Override
	public Mono<CallToolResult> resolveException(Throwable ex, ToolCall call) {
		if (ex instanceof ToolCallException || ex instanceof ClientCapabilityException
				|| ex instanceof SessionAttributesUnavailableException
				|| ex instanceof SessionAttributeLimitExceededException) {
			return Mono.just(CallToolResult.error(ex.getMessage()));
		}
		if (ex instanceof InvalidArgumentsException invalid) {
			return Mono.just(invalidArguments(call, invalid));
		}
		return Mono.empty();
	}

	/**
	 * Create the result for invalid arguments.
	 * @param call the invocation
	 * @param ex the exception naming the bad fields
	 * @return a result of {@code isError: true}
	 */
	public static CallToolResult invalidArguments(ToolCall call, InvalidArgumentsException ex) {
		return CallToolResult.error("Invalid arguments for tool '" + call.name() + "': " + ex.getMessage());
	}

}
