package dev.mcpspring.openapi;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.util.AntPathMatcher;

/**
 * Decides which operations of an OpenAPI document become tools, by HTTP method, path
 * pattern and tag. An empty include list includes everything; an exclusion always wins.
 *
 * @param includeMethods HTTP methods to include, empty for all
 * @param includePaths Ant-style path patterns to include, empty for all
 * @param includeTags tags to include, empty for all
 * @param excludeMethods HTTP methods to exclude
 * @param excludePaths Ant-style path patterns to exclude
 * @param excludeTags tags to exclude
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record OperationFilter(List<String> includeMethods, List<String> includePaths, List<String> includeTags,
		List<String> excludeMethods, List<String> excludePaths, List<String> excludeTags) {

	private static final AntPathMatcher pathMatcher = new AntPathMatcher();

	/**
	 * A filter that lets every operation through.
	 */
	public static final OperationFilter ALL = new OperationFilter(List.of(), List.of(), List.of(), List.of(), List.of(),
			List.of());

	/**
	 * Tell whether an operation becomes a tool.
	 * @param method the HTTP method, in any case
	 * @param path the path template, for example {@code /pet/{petId}}
	 * @param tags the operation's tags
	 * @return whether it is included and not excluded
	 */
	public boolean matches(String method, String path, Collection<String> tags) {
		boolean included = (this.includeMethods.isEmpty() || containsMethod(this.includeMethods, method))
				&& (this.includePaths.isEmpty() || matchesPath(this.includePaths, path))
				&& (this.includeTags.isEmpty() || tags.stream().anyMatch(this.includeTags::contains));
		boolean excluded = containsMethod(this.excludeMethods, method) || matchesPath(this.excludePaths, path)
				|| tags.stream().anyMatch(this.excludeTags::contains);
		return included && !excluded;
	}

	private static boolean containsMethod(List<String> methods, String method) {
		return methods.stream()
			.anyMatch((candidate) -> candidate.toUpperCase(Locale.ROOT).equals(method.toUpperCase(Locale.ROOT)));
	}

	private static boolean matchesPath(List<String> patterns, String path) {
		return patterns.stream().anyMatch((pattern) -> pathMatcher.match(pattern, path));
	}

}
