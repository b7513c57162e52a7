package dev.mcpspring.server;

/**
 * The registries of everything a server offers.
 *
 * @param tools the tools
 * @param prompts the prompts
 * @param resources the resources and templates
 * @param completions the completion handlers
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record McpServerFeatures(ToolRegistry tools, PromptRegistry prompts, ResourceRegistry resources,
		CompletionRegistry completions) {

}
