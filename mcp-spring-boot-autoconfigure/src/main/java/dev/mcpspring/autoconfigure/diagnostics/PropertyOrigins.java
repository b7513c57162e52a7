package dev.mcpspring.autoconfigure.diagnostics;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;

/**
 * Tells where a property was set, for failure reports.
 *
 * @author MCP Spring Boot team
 */
final class PropertyOrigins {

	private PropertyOrigins() {
	}

	/**
	 * Describe where a property was set.
	 * @param environment the environment, or {@code null} when unknown
	 * @param property the property name
	 * @return for example {@code " (from class path resource [application.properties] -
	 * 3:1)"}, or an empty string when the origin is unknown
	 */
	static String describe(@Nullable Environment environment, String property) {
		ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(property);
		if (environment == null || name == null) {
			return "";
		}
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationProperty configured = source.getConfigurationProperty(name);
			Origin origin = (configured != null) ? configured.getOrigin() : null;
			if (origin != null) {
				return " (from " + origin + ")";
			}
		}
		return "";
	}

}
