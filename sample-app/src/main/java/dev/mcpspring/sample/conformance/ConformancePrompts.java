package dev.mcpspring.sample.conformance;

import java.util.List;

import dev.mcpspring.annotation.McpArg;
import dev.mcpspring.annotation.McpComplete;
import dev.mcpspring.annotation.McpPrompt;
import dev.mcpspring.model.Content;
import dev.mcpspring.model.ImageContent;
import dev.mcpspring.model.PromptMessage;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The prompts and completions the official MCP conformance suite uses. Active in the
 * {@code conformance} profile only.
 */
@Component
@Profile("conformance")
public class ConformancePrompts {

	@McpPrompt(name = "test_simple_prompt", description = "A prompt without arguments")
	public String simplePrompt() {
		return "This is a simple prompt for testing.";
	}

	@McpPrompt(name = "test_prompt_with_arguments", description = "A prompt with two arguments")
	public String promptWithArguments(@McpArg(description = "First test argument") String arg1,
			@McpArg(description = "Second test argument") String arg2) {
		return "Prompt with arguments: arg1='" + arg1 + "', arg2='" + arg2 + "'";
	}

	@McpPrompt(name = "test_prompt_with_embedded_resource", description = "A prompt embedding a resource")
	public List<PromptMessage> promptWithEmbeddedResource(
			@McpArg(description = "URI of the resource to embed") String resourceUri) {
		return List.of(
				PromptMessage
					.user(Content.resource(resourceUri, "text/plain", "Embedded resource content for testing.")),
				PromptMessage.user("Please process the embedded resource above."));
	}

	@McpPrompt(name = "test_prompt_with_image", description = "A prompt with an image")
	public List<PromptMessage> promptWithImage() {
		return List.of(PromptMessage.user(new ImageContent(ConformanceTools.PNG, "image/png", null, null)),
				PromptMessage.user("Please analyze the image above."));
	}

	@McpComplete(prompt = "test_prompt_with_arguments")
	public List<String> completeArguments(String argument, String value) {
		return List.of("paris", "park", "party").stream().filter((candidate) -> candidate.startsWith(value)).toList();
	}

}
