package dev.mcpspring.method.support;

import dev.mcpspring.method.McpMethodArgumentResolver;
import dev.mcpspring.server.McpInvocation;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;

/**
 * Resolves parameters of Spring's {@link HttpHeaders} type to the headers of the request
 * that handlers may read, read-only; empty without HTTP.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see dev.mcpspring.annotation.McpHeader
 */
public class HttpHeadersMethodArgumentResolver implements McpMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == HttpHeaders.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, McpInvocation invocation) {
		HttpHeaders headers = new HttpHeaders();
		invocation.request().headers().asMap().forEach(headers::addAll);
		return HttpHeaders.readOnlyHttpHeaders(headers);
	}

}
