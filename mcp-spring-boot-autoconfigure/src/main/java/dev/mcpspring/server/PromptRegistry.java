package dev.mcpspring.server;

/**
 * The prompts a server offers, by name.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class PromptRegistry extends FeatureRegistry<PromptHandler> {

	@Override
	protected String keyOf(PromptHandler handler) {
		return handler.getPrompt().name();
	}

	@Override
	protected String featureName() {
		return "prompt name";
	}

}
