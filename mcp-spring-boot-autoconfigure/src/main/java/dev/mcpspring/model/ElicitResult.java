package dev.mcpspring.model;

import org.jspecify.annotations.Nullable;

/**
 * The user's answer to an elicitation.
 *
 * @param action what the user did
 * @param content the submitted values when accepted, else {@code null}
 * @param <T> the type the content is bound to
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record ElicitResult<T>(Action action, @Nullable T content) {

	/**
	 * Whether the user accepted and submitted the form.
	 * @return {@code true} when accepted
	 */
	public boolean isAccepted() {
		return this.action == Action.ACCEPT;
	}

	/**
	 * What the user did with the elicitation.
	 */
	public enum Action {

		/**
		 * Submitted the form or approved the URL.
		 */
		ACCEPT,

		/**
		 * Explicitly refused.
		 */
		DECLINE,

		/**
		 * Dismissed without choosing.
		 */
		CANCEL

	}

}
