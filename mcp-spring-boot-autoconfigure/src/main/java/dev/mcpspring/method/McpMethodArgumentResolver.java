package dev.mcpspring.method;

import dev.mcpspring.server.McpInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Supplies the value of one handler method parameter for an invocation.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public interface McpMethodArgumentResolver {

	/**
	 * Whether this resolver supplies the given parameter.
	 * @param parameter the method parameter
	 * @return {@code true} if supported
	 */
	boolean supportsParameter(MethodParameter parameter);

	/**
	 * Resolve the argument value.
	 * @param parameter the method parameter
	 * @param invocation the invocation
	 * @return the value, possibly {@code null}
	 * @throws dev.mcpspring.server.InvalidArgumentsException if the client sent an
	 * invalid value
	 */
	@Nullable Object resolveArgument(MethodParameter parameter, McpInvocation invocation);

}
