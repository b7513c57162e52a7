package dev.mcpspring.model;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The sender or recipient of a message or content.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public enum Role {

	/**
	 * The human user.
	 */
	USER,

	/**
	 * The model.
	 */
	ASSISTANT;

	@JsonValue
	String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
