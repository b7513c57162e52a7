package dev.mcpspring.method.support;

import java.util.List;

import dev.mcpspring.annotation.McpHeader;
import dev.mcpspring.method.McpMethodArgumentResolver;
import dev.mcpspring.server.McpInvocation;
import dev.mcpspring.server.RequestHeaders;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;

/**
 * Resolves {@link McpHeader @McpHeader} parameters to a header of the request: its first
 * value for a {@code String}, every value for a {@code List<String>}. Other types fail at
 * startup, naming the method.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpHeaderMethodArgumentResolver implements McpMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		if (!parameter.hasParameterAnnotation(McpHeader.class)) {
			return false;
		}
		if (!isString(parameter) && !isStringList(parameter)) {
			throw new IllegalStateException("@McpHeader parameter " + parameter.getParameterIndex() + " of "
					+ parameter.getExecutable().toGenericString() + " must be a String or a List<String>");
		}
		return true;
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, McpInvocation invocation) {
		McpHeader header = parameter.getParameterAnnotation(McpHeader.class);
		RequestHeaders headers = invocation.request().headers();
		return isString(parameter) ? headers.getFirst(header.value()) : headers.get(header.value());
	}

	private static boolean isString(MethodParameter parameter) {
		return parameter.getParameterType() == String.class;
	}

	private static boolean isStringList(MethodParameter parameter) {
		ResolvableType type = ResolvableType.forMethodParameter(parameter);
		return type.toClass() == List.class && type.getGeneric(0).toClass() == String.class;
	}

}
