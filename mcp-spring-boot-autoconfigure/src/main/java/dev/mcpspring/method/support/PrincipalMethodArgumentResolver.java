package dev.mcpspring.method.support;

import java.security.Principal;

import dev.mcpspring.method.McpMethodArgumentResolver;
import dev.mcpspring.server.McpInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Resolves parameters of type {@link Principal} or a subtype, such as Spring Security's
 * {@code Authentication} or {@code JwtAuthenticationToken}, to the authenticated caller
 * of the request. The value is {@code null} for an anonymous caller or a principal of
 * another type.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class PrincipalMethodArgumentResolver implements McpMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Principal.class.isAssignableFrom(parameter.getParameterType());
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, McpInvocation invocation) {
		Principal principal = invocation.request().principal();
		return parameter.getParameterType().isInstance(principal) ? principal : null;
	}

}
