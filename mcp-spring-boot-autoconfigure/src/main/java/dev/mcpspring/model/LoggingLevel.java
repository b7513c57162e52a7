package dev.mcpspring.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * Severity of a log message, as in syslog (RFC 5424), from least to most severe.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public enum LoggingLevel {

	DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY;

	/**
	 * Return the wire value, such as {@code warning}.
	 * @return the lower-case name
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parse a wire value.
	 * @param value the lower-case name
	 * @return the level, or {@code null} if unknown
	 */
	public static @Nullable LoggingLevel fromValue(String value) {
		for (LoggingLevel level : values()) {
			if (level.value().equals(value)) {
				return level;
			}
		}
		return null;
	}

}
