package dev.mcpspring.security;

import dev.mcpspring.server.McpInterceptorOrder;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpResponse;
import dev.mcpspring.server.McpServerInterceptor;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;

/**
 * Makes the authenticated caller of a request visible through
 * {@link ReactiveSecurityContextHolder} in reactive handler methods, so that
 * {@code @PreAuthorize} on a tool, prompt or resource returning a {@code Mono} or
 * {@code Flux} (with {@code @EnableReactiveMethodSecurity}) sees the caller wherever the
 * transport subscribes to the response. The blocking counterpart is
 * {@link SecurityContextThreadContextPropagator}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ReactiveSecurityContextInterceptor implements McpServerInterceptor, Ordered {

	@Override
	public int getOrder() {
		return McpInterceptorOrder.SECURITY_CONTEXT;
	}

	@Override
	public Mono<McpResponse> intercept(McpRequest request, Chain chain) {
		Mono<McpResponse> response = chain.next(request);
		if (request.principal() instanceof Authentication authentication) {
			return response.contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication));
		}
		return response;
	}

}
