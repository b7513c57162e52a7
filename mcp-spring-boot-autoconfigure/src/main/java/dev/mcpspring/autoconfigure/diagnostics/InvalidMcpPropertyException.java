package dev.mcpspring.autoconfigure.diagnostics;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Thrown at startup when an MCP configuration property is missing or has a value the
 * server cannot work with, such as a non-positive size or a request state key that is not
 * Base64. Secret values are never part of the exception.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see InvalidMcpPropertyFailureAnalyzer
 */
public class InvalidMcpPropertyException extends RuntimeException {

	private final String property;

	private final @Nullable Object value;

	private final String reason;

	private final String action;

	/**
	 * Create an exception.
	 * @param property the name of the property
	 * @param value the value to show, or {@code null} when the property is not set or its
	 * value is a secret
	 * @param reason what is wrong, for example "must be positive"
	 * @param action how to fix it, for example "Set it to 1 or more."
	 */
	public InvalidMcpPropertyException(String property, @Nullable Object value, String reason, String action) {
		super("Invalid configuration property '" + property + "'" + ((value != null) ? " = '" + value + "'" : "") + ": "
				+ reason);
		Assert.hasText(property, "Property is required");
		Assert.hasText(reason, "Reason is required");
		Assert.hasText(action, "Action is required");
		this.property = property;
		this.value = value;
		this.reason = reason;
		this.action = action;
	}

	/**
	 * Return the name of the property.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return the value to show.
	 * @return the value, or {@code null} when not set or secret
	 */
	public @Nullable Object getValue() {
		return this.value;
	}

	/**
	 * Return what is wrong with the property.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * Return how to fix the property.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
