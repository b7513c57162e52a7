package dev.mcpspring.autoconfigure.diagnostics;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Thrown at startup when a property or the application's code turns on an MCP feature
 * whose libraries are not on the classpath. The feature then fails closed: without this
 * check, API keys, a rate limit or the enforcement of a hand-written input schema would
 * silently stay off and the endpoints would be served without them.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see MissingDependencyFailureAnalyzer
 */
public class MissingDependencyException extends RuntimeException {

	private final @Nullable String property;

	private final @Nullable String propertyGroup;

	private final @Nullable String usage;

	private final String feature;

	private final List<String> missingClasses;

	private final List<String> dependencies;

	/**
	 * Create an exception.
	 * @param property the configuration property that turns the feature on
	 * @param feature what the property turns on, for example "MCP API key authentication"
	 * @param missingClasses the classes the feature needs that are not on the classpath
	 * @param dependencies the Maven coordinates ({@code groupId:artifactId}) of the
	 * dependencies that provide them
	 */
	public MissingDependencyException(String property, String feature, List<String> missingClasses,
			List<String> dependencies) {
		this(property, null, feature, missingClasses, dependencies);
	}

	/**
	 * Create an exception for a feature that any property of a group turns on.
	 * @param property the configuration property found to turn the feature on
	 * @param propertyGroup the prefix of every property that turns it on, such as
	 * {@code mcp.server.security}, or {@code null} when only the property does
	 * @param feature what the property turns on, for example "MCP endpoint security"
	 * @param missingClasses the classes the feature needs that are not on the classpath
	 * @param dependencies the Maven coordinates ({@code groupId:artifactId}) of the
	 * dependencies that provide them
	 */
	public MissingDependencyException(String property, @Nullable String propertyGroup, String feature,
			List<String> missingClasses, List<String> dependencies) {
		this(property, propertyGroup, null, feature, missingClasses, dependencies);
		Assert.hasText(property, "Property is required");
	}

	private MissingDependencyException(@Nullable String property, @Nullable String propertyGroup,
			@Nullable String usage, String feature, List<String> missingClasses, List<String> dependencies) {
		super(((property != null) ? property : usage) + " turns on " + feature + ", which needs "
				+ String.join(" and ", dependencies) + " on the classpath (missing " + String.join(", ", missingClasses)
				+ ")");
		Assert.notEmpty(missingClasses, "Missing classes are required");
		Assert.notEmpty(dependencies, "Dependencies are required");
		this.property = property;
		this.propertyGroup = propertyGroup;
		this.usage = usage;
		this.feature = feature;
		this.missingClasses = List.copyOf(missingClasses);
		this.dependencies = List.copyOf(dependencies);
	}

	/**
	 * Create an exception for a feature that the application's code turns on, rather than
	 * a property.
	 * @param usage what turns the feature on, for example "@McpTool(inputSchema = ...)"
	 * @param feature what it turns on, for example "the enforcement of hand-written input
	 * schemas"
	 * @param missingClasses the classes the feature needs that are not on the classpath
	 * @param dependencies the Maven coordinates ({@code groupId:artifactId}) of the
	 * dependencies that provide them
	 * @return the exception
	 */
	public static MissingDependencyException forUsage(String usage, String feature, List<String> missingClasses,
			List<String> dependencies) {
		Assert.hasText(usage, "Usage is required");
		return new MissingDependencyException(null, null, usage, feature, missingClasses, dependencies);
	}

	/**
	 * Return the configuration property that turns the feature on.
	 * @return the property name, or {@code null} when the application's code turns it on
	 * (see {@link #getUsage()})
	 */
	public @Nullable String getProperty() {
		return this.property;
	}

	/**
	 * Return what in the application's code turns the feature on.
	 * @return the usage, or {@code null} when a property turns it on
	 */
	public @Nullable String getUsage() {
		return this.usage;
	}

	/**
	 * Return the prefix of every property that turns the feature on.
	 * @return the prefix, or {@code null} when only {@link #getProperty()} does
	 */
	public @Nullable String getPropertyGroup() {
		return this.propertyGroup;
	}

	/**
	 * Return what the property turns on.
	 * @return the feature, for example "MCP API key authentication"
	 */
	public String getFeature() {
		return this.feature;
	}

	/**
	 * Return the classes the feature needs that are not on the classpath.
	 * @return the fully qualified class names
	 */
	public List<String> getMissingClasses() {
		return this.missingClasses;
	}

	/**
	 * Return the dependencies to add.
	 * @return Maven coordinates, {@code groupId:artifactId}
	 */
	public List<String> getDependencies() {
		return this.dependencies;
	}

}
