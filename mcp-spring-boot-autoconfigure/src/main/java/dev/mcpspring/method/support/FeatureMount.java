package dev.mcpspring.method.support;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.mcpspring.annotation.McpMount;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;

/**
 * Where the features of a bean are mounted: under the prefix of its {@link McpMount}
 * annotation, or as declared.
 *
 * @param prefix the prefix, empty for none
 * @param tags the tags every feature of the bean gets
 * @author MCP Spring Boot team
 */
record FeatureMount(String prefix, Set<String> tags) {

	static final FeatureMount NONE = new FeatureMount("", Set.of());

	static FeatureMount of(Class<?> beanType) {
		McpMount mount = AnnotatedElementUtils.findMergedAnnotation(beanType, McpMount.class);
		if (mount == null) {
			return NONE;
		}
		Assert.isTrue(mount.value().matches("[A-Za-z0-9_-]+"),
				() -> "@McpMount prefix '" + mount.value() + "' must hold only letters, digits, '_' and '-'");
		Set<String> tags = new LinkedHashSet<>(List.of(mount.tags()));
		tags.add(mount.value());
		return new FeatureMount(mount.value(), Set.copyOf(tags));
	}

	/**
	 * Return the name of a tool or prompt as mounted.
	 */
	String name(String declared) {
		return this.prefix.isEmpty() ? declared : this.prefix + "_" + declared;
	}

	/**
	 * Return a resource URI or URI template as mounted.
	 */
	String uri(String declared) {
		return this.prefix.isEmpty() ? declared : this.prefix + "+" + declared;
	}

	/**
	 * Return the declared tags with the mount's.
	 */
	Set<String> tags(String @Nullable [] declared) {
		Set<String> all = new LinkedHashSet<>(this.tags);
		if (declared != null) {
			all.addAll(List.of(declared));
		}
		return Set.copyOf(all);
	}

}
