package dev.mcpspring.rest;

import java.util.List;
import java.util.Locale;

import org.springframework.util.AntPathMatcher;

/**
 * Which endpoints become tools without {@code @McpExposed}, by HTTP method and Ant-style
 * path pattern, and which never do. An exclusion always wins; with no include rule, only
 * {@code @McpExposed} endpoints are tools.
 *
 * @param includeMethods HTTP methods to include, empty for all when paths are given
 * @param includePaths path patterns to include, for example {@code /api/**}
 * @param excludeMethods HTTP methods never included
 * @param excludePaths path patterns never included
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record EndpointSelection(List<String> includeMethods, List<String> includePaths, List<String> excludeMethods,
		List<String> excludePaths) {

	private static final AntPathMatcher pathMatcher = new AntPathMatcher();

	/**
	 * Only {@code @McpExposed} endpoints.
	 */
	public static final EndpointSelection ANNOTATED_ONLY = new EndpointSelection(List.of(), List.of(), List.of(),
			List.of());

	/**
	 * Tell whether the properties include an endpoint.
	 * @param method the HTTP method
	 * @param path the path pattern of the mapping
	 * @return whether an include rule matches
	 */
	public boolean includes(String method, String path) {
		if (this.includeMethods.isEmpty() && this.includePaths.isEmpty()) {
			return false;
		}
		return (this.includeMethods.isEmpty() || containsMethod(this.includeMethods, method))
				&& (this.includePaths.isEmpty() || matchesPath(this.includePaths, path));
	}

	/**
	 * Tell whether the properties exclude an endpoint, even an {@code @McpExposed} one.
	 * @param method the HTTP method
	 * @param path the path pattern of the mapping
	 * @return whether an exclude rule matches
	 */
	public boolean excludes(String method, String path) {
		return containsMethod(this.excludeMethods, method) || matchesPath(this.excludePaths, path);
	}

	private static boolean containsMethod(List<String> methods, String method) {
		return methods.stream().anyMatch((candidate) -> candidate.toUpperCase(Locale.ROOT).equals(method));
	}

	private static boolean matchesPath(List<String> patterns, String path) {
		return patterns.stream().anyMatch((pattern) -> pathMatcher.match(pattern, path));
	}

}
