package dev.mcpspring.autoconfigure.diagnostics;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Reports a {@link MissingDependencyException}: the property or code, the feature it
 * turns on, the missing classes and the dependencies to add.
 *
 * @author MCP Spring Boot team
 */
class MissingDependencyFailureAnalyzer extends AbstractFailureAnalyzer<MissingDependencyException> {

	private final @Nullable Environment environment;

	MissingDependencyFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingDependencyException cause) {
		String property = cause.getProperty();
		if (property == null) {
			return analyzeUsage(cause);
		}
		String origin = PropertyOrigins.describe(PropertyOrigins.find(this.environment, property));
		String description = String.format(
				"The property '%s'%s turns on %s, which needs classes that are not on the classpath:%n%n    %s%n%n"
						+ "The MCP server does not start rather than run without %s.",
				property, origin, cause.getFeature(), String.join(String.format("%n    "), cause.getMissingClasses()),
				cause.getFeature());
		String removal = (cause.getPropertyGroup() != null) ? "every " + cause.getPropertyGroup() + ".* property"
				: "the property '" + property + "'";
		String action = String.format("Add the %s %s to your build, or remove %s.",
				(cause.getDependencies().size() > 1) ? "dependencies" : "dependency",
				String.join(" and ", cause.getDependencies()), removal);
		return new FailureAnalysis(description, action, cause);
	}

	private FailureAnalysis analyzeUsage(MissingDependencyException cause) {
		String description = String.format(
				"%s turns on %s, which needs classes that are not on the classpath:%n%n    %s%n%n"
						+ "The MCP server does not start rather than run without %s.",
				cause.getUsage(), cause.getFeature(), String.join(String.format("%n    "), cause.getMissingClasses()),
				cause.getFeature());
		String action = String.format("Add the %s %s to your build, or remove %s.",
				(cause.getDependencies().size() > 1) ? "dependencies" : "dependency",
				String.join(" and ", cause.getDependencies()), cause.getUsage());
		return new FailureAnalysis(description, action, cause);
	}

}
