package dev.mcpspring.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.mcpspring.server.TagFilter;

/**
 * Configuration properties of feature tags ({@code mcp.server.tags}): which tagged tools,
 * prompts and resources start enabled.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpTagsProperties {

	/**
	 * Tags of which a tool, prompt or resource needs at least one to be enabled. Empty
	 * for every feature.
	 */
	private Set<String> include = new LinkedHashSet<>();

	/**
	 * Tags that disable a tool, prompt or resource; they win over included tags.
	 */
	private Set<String> exclude = new LinkedHashSet<>();

	public Set<String> getInclude() {
		return this.include;
	}

	public void setInclude(Set<String> include) {
		this.include = include;
	}

	public Set<String> getExclude() {
		return this.exclude;
	}

	public void setExclude(Set<String> exclude) {
		this.exclude = exclude;
	}

	TagFilter toFilter() {
		return new TagFilter(this.include, this.exclude);
	}

}
