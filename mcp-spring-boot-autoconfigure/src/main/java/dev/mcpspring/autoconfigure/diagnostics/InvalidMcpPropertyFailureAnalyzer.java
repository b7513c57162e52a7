package dev.mcpspring.autoconfigure.diagnostics;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
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
		ConfigurationProperty configured = PropertyOrigins.find(this.environment, cause.getProperty());
		String origin = PropertyOrigins.describe(configured);
		Object value = cause.getValue();
		String description = (value != null)
				? String.format("Invalid value '%s' for configuration property '%s'%s: %s.",
						shownValue(value, configured), cause.getProperty(), origin, cause.getReason())
				: String.format("Invalid configuration property '%s'%s: %s.", cause.getProperty(), origin,
						cause.getReason());
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

	/**
	 * The value as the user wrote it, such as {@code 3GB} rather than
	 * {@code 3221225472B}; only called for values that are not secret.
	 */
	private static Object shownValue(Object value, @Nullable ConfigurationProperty configured) {
		return (configured != null && configured.getValue() != null) ? configured.getValue() : value;
	}

}
