package dev.mcpspring.server;

import java.util.Collections;
import java.util.Set;

import org.springframework.util.Assert;

/**
 * Which tools, prompts and resources start enabled, by their tags: a feature with an
 * excluded tag is disabled; when tags are included, only features with at least one of
 * them are enabled. Disabled features can be enabled again at run time.
 *
 * @param include the tags a feature needs one of, or empty for every feature
 * @param exclude the tags that disable a feature, which win over included ones
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record TagFilter(Set<String> include, Set<String> exclude) {

	/**
	 * A filter that enables every feature.
	 */
	public static final TagFilter NONE = new TagFilter(Set.of(), Set.of());

	public TagFilter {
		Assert.notNull(include, "Included tags are required");
		Assert.notNull(exclude, "Excluded tags are required");
		include = Set.copyOf(include);
		exclude = Set.copyOf(exclude);
	}

	/**
	 * Whether a feature with the given tags starts enabled.
	 * @param tags the feature's tags
	 * @return {@code true} to enable it
	 */
	public boolean allows(Set<String> tags) {
		if (!Collections.disjoint(tags, this.exclude)) {
			return false;
		}
		return this.include.isEmpty() || !Collections.disjoint(tags, this.include);
	}

}
