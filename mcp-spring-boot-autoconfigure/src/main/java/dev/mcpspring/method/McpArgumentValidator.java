package dev.mcpspring.method;

import org.jspecify.annotations.Nullable;

/**
 * Validates resolved arguments before a handler method is invoked.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface McpArgumentValidator {

	/**
	 * Validate the arguments.
	 * @param handlerMethod the method about to be invoked
	 * @param arguments the resolved arguments, in parameter order
	 * @throws dev.mcpspring.server.InvalidArgumentsException naming every violation
	 */
	void validate(McpHandlerMethod handlerMethod, @Nullable Object[] arguments);

}
