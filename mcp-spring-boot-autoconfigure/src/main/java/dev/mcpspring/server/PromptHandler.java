package dev.mcpspring.server;

import dev.mcpspring.model.GetPromptResult;
import dev.mcpspring.model.Prompt;
import reactor.core.publisher.Mono;

/**
 * A prompt: its description and how to render it.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public interface PromptHandler {

	/**
	 * Return the prompt as listed to clients.
	 * @return the prompt
	 */
	Prompt getPrompt();

	/**
	 * Render the prompt.
	 * @param invocation the prompt name, arguments and request
	 * @return the messages
	 */
	Mono<GetPromptResult> get(PromptGet invocation);

}
