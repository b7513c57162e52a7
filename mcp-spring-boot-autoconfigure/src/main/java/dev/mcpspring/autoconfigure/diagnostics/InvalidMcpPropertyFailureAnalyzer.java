package dev.mcpspring.autoconfigure.diagnostics;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Reports an {@link InvalidMcpPropertyException}: the property, where it was set, its
 * value unless secret, what is wrong and how to fix it.
 *
 * @author MCP Spring Boot team
 */
class InvalidMcpPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidMcpPropertyException> {

	private final @Nullable Environment environment;

	InvalidMcpPropertyFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidMcpPropertyException cause) {
		String origin = PropertyOrigins.describe(this.environment, cause.getProperty());
		String description = (cause.getValue() != null)
				? String.format("Invalid value '%s' for configuration property '%s'%s: %s.", cause.getValue(),
						cause.getProperty(), origin, cause.getReason())
				: String.format("Invalid configuration property '%s'%s: %s.", cause.getProperty(), origin,
						cause.getReason());
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

}
