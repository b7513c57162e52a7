package dev.mcpspring.method;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mcpspring.server.McpInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * An ordered list of {@link McpMethodArgumentResolver}s acting as one; the first that
 * supports a parameter resolves it. Lookups are cached per parameter.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpMethodArgumentResolverComposite implements McpMethodArgumentResolver {

	private final List<McpMethodArgumentResolver> resolvers = new ArrayList<>();

	private final Map<MethodParameter, McpMethodArgumentResolver> cache = new ConcurrentHashMap<>();

	/**
	 * Add a resolver at the end of the list.
	 * @param resolver the resolver
	 */
	public void addResolver(McpMethodArgumentResolver resolver) {
		this.resolvers.add(resolver);
	}

	/**
	 * Return a read-only view of the resolvers.
	 * @return the resolvers
	 */
	public List<McpMethodArgumentResolver> getResolvers() {
		return Collections.unmodifiableList(this.resolvers);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return getResolver(parameter) != null;
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, McpInvocation invocation) {
		McpMethodArgumentResolver resolver = getResolver(parameter);
		if (resolver == null) {
			throw new IllegalStateException("No resolver for parameter " + parameter.getParameterIndex() + " of "
					+ parameter.getExecutable().toGenericString());
		}
		return resolver.resolveArgument(parameter, invocation);
	}

	/**
	 * Find the resolver for a parameter.
	 * @param parameter the method parameter
	 * @return the first supporting resolver, or {@code null}
	 */
	public @Nullable McpMethodArgumentResolver getResolver(MethodParameter parameter) {
		McpMethodArgumentResolver resolver = this.cache.get(parameter);
		if (resolver == null) {
			for (McpMethodArgumentResolver candidate : this.resolvers) {
				if (candidate.supportsParameter(parameter)) {
					resolver = candidate;
					this.cache.put(parameter, candidate);
					break;
				}
			}
		}
		return resolver;
	}

}
