package dev.mcpspring.security;

import dev.mcpspring.server.McpFeatureFilter;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.scope.McpScopeRegistry;

import org.springframework.util.Assert;

/**
 * Hides the tools, prompts and resources whose required scopes (from the
 * {@link McpScopeRegistry}) the caller's token does not carry.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ScopeFeatureFilter implements McpFeatureFilter {

	private final McpScopeRegistry scopeRegistry;

	/**
	 * Create a filter.
	 * @param scopeRegistry the scopes each feature requires
	 */
	public ScopeFeatureFilter(McpScopeRegistry scopeRegistry) {
		Assert.notNull(scopeRegistry, "McpScopeRegistry is required");
		this.scopeRegistry = scopeRegistry;
	}

	@Override
	public boolean isVisible(Object feature, McpRequest request) {
		return GrantedScopes.of(request.principal()).containsAll(this.scopeRegistry.getRequiredScopes(feature));
	}

}
