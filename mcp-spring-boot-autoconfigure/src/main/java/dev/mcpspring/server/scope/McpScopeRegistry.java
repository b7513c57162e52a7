package dev.mcpspring.server.scope;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.mcpspring.model.Prompt;
import dev.mcpspring.model.Resource;
import dev.mcpspring.model.ResourceTemplate;
import dev.mcpspring.model.Tool;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The OAuth scopes each tool, prompt and resource requires, by feature name. Filled from
 * the {@code scopes} attribute of the MCP annotations and from configuration, where
 * configuration wins. A feature without an entry needs no particular scope.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpScopeRegistry {

	private final Map<Kind, Map<String, Set<String>>> scopes = new EnumMap<>(Kind.class);

	/**
	 * Create an empty registry.
	 */
	public McpScopeRegistry() {
		for (Kind kind : Kind.values()) {
			this.scopes.put(kind, new ConcurrentHashMap<>());
		}
	}

	/**
	 * Set the scopes a feature requires, replacing any earlier entry.
	 * @param kind the kind of feature
	 * @param name the feature name
	 * @param scopes the required scopes; empty removes the entry
	 */
	public void register(Kind kind, String name, Collection<String> scopes) {
		Assert.notNull(kind, "Kind is required");
		Assert.hasText(name, "Feature name is required");
		if (scopes.isEmpty()) {
			this.scopes.get(kind).remove(name);
		}
		else {
			this.scopes.get(kind).put(name, Set.copyOf(scopes));
		}
	}

	/**
	 * Move the scopes of a feature to its new name, so that renaming a feature never
	 * leaves it unprotected. Scopes already set for the new name are kept.
	 * @param kind the kind of feature
	 * @param from the old name
	 * @param to the new name
	 */
	public void rename(Kind kind, String from, String to) {
		Set<String> moved = this.scopes.get(kind).remove(from);
		if (moved != null) {
			this.scopes.get(kind).putIfAbsent(to, moved);
		}
	}

	/**
	 * Set the scopes a feature requires unless it has an entry already, as for defaults
	 * declared on annotations that configuration may override.
	 * @param kind the kind of feature
	 * @param name the feature name
	 * @param scopes the required scopes; empty does nothing
	 */
	public void registerDefault(Kind kind, String name, Collection<String> scopes) {
		if (!scopes.isEmpty()) {
			this.scopes.get(kind).putIfAbsent(name, Set.copyOf(scopes));
		}
	}

	/**
	 * Return the scopes a feature requires.
	 * @param kind the kind of feature
	 * @param name the feature name
	 * @return the scopes, empty when none is required
	 */
	public Set<String> getRequiredScopes(Kind kind, String name) {
		return this.scopes.get(kind).getOrDefault(name, Set.of());
	}

	/**
	 * Return the scopes a listed feature requires.
	 * @param feature a {@link Tool}, {@link Prompt}, {@link Resource} or
	 * {@link ResourceTemplate}
	 * @return the scopes, empty for none or for another type
	 */
	public Set<String> getRequiredScopes(@Nullable Object feature) {
		if (feature instanceof Tool tool) {
			return getRequiredScopes(Kind.TOOL, tool.name());
		}
		if (feature instanceof Prompt prompt) {
			return getRequiredScopes(Kind.PROMPT, prompt.name());
		}
		if (feature instanceof Resource resource) {
			return getRequiredScopes(Kind.RESOURCE, resource.name());
		}
		if (feature instanceof ResourceTemplate template) {
			return getRequiredScopes(Kind.RESOURCE, template.name());
		}
		return Set.of();
	}

	/**
	 * The kinds of feature, each with its own names.
	 */
	public enum Kind {

		/**
		 * Tools, by tool name.
		 */
		TOOL,

		/**
		 * Prompts, by prompt name.
		 */
		PROMPT,

		/**
		 * Resources and resource templates, by resource name.
		 */
		RESOURCE

	}

}
