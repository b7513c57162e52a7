package dev.mcpspring.autoconfigure.diagnostics;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.Environment;

/**
 * Finds where a property was set, and as what, for failure reports.
 *
 * @author MCP Spring Boot team
 */
final class PropertyOrigins {

	private PropertyOrigins() {
	}

	/**
	 * Find a property as it was configured.
	 * @param environment the environment, or {@code null} when unknown
	 * @param property the property name
	 * @return the property with its value as written and its origin, or {@code null} when
	 * it is not set directly (for example set through list indexes)
	 */
	static @Nullable ConfigurationProperty find(@Nullable Environment environment, String property) {
		ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(property);
		if (environment == null || name == null) {
			return null;
		}
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationProperty configured = source.getConfigurationProperty(name);
			if (configured != null) {
				return configured;
			}
		}
		return null;
	}

	/**
	 * Describe where a property was set.
	 * @param property the property, or {@code null}
	 * @return for example {@code " (from class path resource [application.properties] -
	 * 3:1)"}, or an empty string when the origin is unknown
	 */
	static String describe(@Nullable ConfigurationProperty property) {
		return (property != null && property.getOrigin() != null) ? " (from " + property.getOrigin() + ")" : "";
	}

}
