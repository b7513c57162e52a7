package dev.mcpspring.model;

/**
 * A message of a prompt result.
 *
 * @param role who speaks
 * @param content the content block
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record PromptMessage(Role role, Content content) {

	/**
	 * Create a user message.
	 * @param content the content
	 * @return the message
	 */
	public static PromptMessage user(Content content) {
		return new PromptMessage(Role.USER, content);
	}

	/**
	 * Create a user text message.
	 * @param text the text
	 * @return the message
	 */
	public static PromptMessage user(String text) {
		return user(Content.text(text));
	}

	/**
	 * Create an assistant text message.
	 * @param text the text
	 * @return the message
	 */
	public static PromptMessage assistant(String text) {
		return new PromptMessage(Role.ASSISTANT, Content.text(text));
	}

}
