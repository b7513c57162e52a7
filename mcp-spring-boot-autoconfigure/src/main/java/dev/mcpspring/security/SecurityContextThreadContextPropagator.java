package dev.mcpspring.security;

import java.util.concurrent.Callable;

import dev.mcpspring.method.ThreadContextPropagator;
import dev.mcpspring.server.McpInvocation;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Makes the authenticated caller of a request visible through
 * {@link SecurityContextHolder} in a blocking handler method, as it is in a Spring MVC
 * controller, so that code written for the servlet stack, such as {@code @PreAuthorize}
 * methods, works unchanged. WebFlux keeps the caller in the Reactor context only, which a
 * method running on another thread cannot see.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class SecurityContextThreadContextPropagator implements ThreadContextPropagator {

	@Override
	public Callable<@Nullable Object> wrap(Callable<@Nullable Object> call, ContextView context,
			McpInvocation invocation) {
		if (!(invocation.request().principal() instanceof Authentication authentication)) {
			return call;
		}
		return () -> {
			SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();
			SecurityContext previous = strategy.getContext();
			SecurityContext securityContext = strategy.createEmptyContext();
			securityContext.setAuthentication(authentication);
			strategy.setContext(securityContext);
			try {
				return call.call();
			}
			finally {
				if (previous.getAuthentication() != null) {
					strategy.setContext(previous);
				}
				else {
					strategy.clearContext();
				}
			}
		};
	}

}
