package dev.mcpspring.server;

import org.jspecify.annotations.Nullable;

/**
 * Turns an exception of a tool, prompt or resource handler into a protocol error before
 * the usual handling ({@link McpExceptionResolver}s for tools, a generic internal error
 * otherwise) sees it. Suits failures that mean the same for every feature, such as a
 * refusal by method security, which becomes an {@link InsufficientScopeException}.
 * Declare a bean to add one; the first that answers wins.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface McpExceptionTranslator {

	/**
	 * Translate a handler failure.
	 * @param ex the failure of the handler
	 * @param request the request the handler served
	 * @return the protocol error to answer with, such as an {@link McpException}, or
	 * {@code null} to leave the failure to the usual handling
	 */
	@Nullable McpException translate(Throwable ex, McpRequest request);

}
