package dev.mcpspring.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.mcpspring.server.InsufficientScopeException;
import dev.mcpspring.server.McpInterceptorOrder;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpResponse;
import dev.mcpspring.server.McpServerInterceptor;
import dev.mcpspring.server.ResourceHandler;
import dev.mcpspring.server.ResourceRegistry;
import dev.mcpspring.server.scope.McpScopeRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Refuses {@code tools/call}, {@code prompts/get}, {@code resources/read} and
 * {@code resources/subscribe} when the caller's token lacks the scopes the feature
 * requires, with an {@link InsufficientScopeException} that HTTP transports answer with
 * {@code 403} and an {@code insufficient_scope} challenge. The challenge asks for the
 * required scopes plus those already granted, so that a step-up keeps them. Scopes
 * required server-wide apply to every request, {@code initialize} included.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#step-up-authorization-flow">Step-up
 * authorization</a>
 */
public class ScopeAuthorizationInterceptor implements McpServerInterceptor, Ordered {

	private final McpScopeRegistry scopeRegistry;

	private final ResourceRegistry resourceRegistry;

	private final Set<String> serverScopes;

	private final AccessDeniedListener listener;

	/**
	 * Create an interceptor.
	 * @param scopeRegistry the scopes each feature requires
	 * @param resourceRegistry resolves resource URIs to resource names
	 */
	public ScopeAuthorizationInterceptor(McpScopeRegistry scopeRegistry, ResourceRegistry resourceRegistry) {
		this(scopeRegistry, resourceRegistry, Set.of(), (request, scopes, reason) -> {
		});
	}

	/**
	 * Create an interceptor with scopes every request requires.
	 * @param scopeRegistry the scopes each feature requires
	 * @param resourceRegistry resolves resource URIs to resource names
	 * @param serverScopes the scopes every request requires, on top of a feature's
	 * @param listener hears of each refusal
	 */
	public ScopeAuthorizationInterceptor(McpScopeRegistry scopeRegistry, ResourceRegistry resourceRegistry,
			Collection<String> serverScopes, AccessDeniedListener listener) {
		Assert.notNull(scopeRegistry, "McpScopeRegistry is required");
		Assert.notNull(resourceRegistry, "ResourceRegistry is required");
		Assert.notNull(serverScopes, "Server scopes are required");
		Assert.notNull(listener, "AccessDeniedListener is required");
		this.scopeRegistry = scopeRegistry;
		this.resourceRegistry = resourceRegistry;
		this.serverScopes = Set.copyOf(serverScopes);
		this.listener = listener;
	}

	@Override
	public int getOrder() {
		return McpInterceptorOrder.SCOPE_AUTHORIZATION;
	}

	@Override
	public Mono<McpResponse> intercept(McpRequest request, Chain chain) {
		Set<String> required = new LinkedHashSet<>(this.serverScopes);
		required.addAll(requiredScopes(request));
		if (!required.isEmpty()) {
			Set<String> granted = GrantedScopes.of(request.principal());
			if (!granted.containsAll(required)) {
				Set<String> challenge = new LinkedHashSet<>(granted);
				challenge.addAll(required);
				this.listener.accessDenied(request, required, "insufficient_scope");
				return Mono.error(new InsufficientScopeException(challenge, request.message().id()));
			}
		}
		return chain.next(request);
	}

	private Set<String> requiredScopes(McpRequest request) {
		String name = request.operation().name();
		return switch (request.method()) {
			case "tools/call" -> required(McpScopeRegistry.Kind.TOOL, name);
			case "prompts/get" -> required(McpScopeRegistry.Kind.PROMPT, name);
			case "resources/read", "resources/subscribe" -> resourceScopes(name);
			default -> Set.of();
		};
	}

	private Set<String> required(McpScopeRegistry.Kind kind, @Nullable String name) {
		return (name != null) ? this.scopeRegistry.getRequiredScopes(kind, name) : Set.of();
	}

	private Set<String> resourceScopes(@Nullable String uri) {
		ResourceRegistry.Match match = (uri != null) ? this.resourceRegistry.resolve(uri) : null;
		if (match == null) {
			return Set.of();
		}
		ResourceHandler handler = match.handler();
		return this.scopeRegistry
			.getRequiredScopes((handler.getResource() != null) ? handler.getResource() : handler.getResourceTemplate());
	}

}
