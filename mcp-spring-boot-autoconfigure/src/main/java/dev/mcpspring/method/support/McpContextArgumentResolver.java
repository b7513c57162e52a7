package dev.mcpspring.method.support;

import dev.mcpspring.method.McpMethodArgumentResolver;
import dev.mcpspring.server.McpContext;
import dev.mcpspring.server.McpContextFactory;
import dev.mcpspring.server.McpInvocation;

import org.springframework.core.MethodParameter;

/**
 * Resolves {@link McpContext} parameters to the context of the request being served.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpContextArgumentResolver implements McpMethodArgumentResolver {

	private final McpContextFactory contextFactory;

	/**
	 * Create a resolver.
	 * @param contextFactory creates the context of each request
	 */
	public McpContextArgumentResolver(McpContextFactory contextFactory) {
		this.contextFactory = contextFactory;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return McpContext.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, McpInvocation invocation) {
		return this.contextFactory.create(invocation.request());
	}

}
