package dev.mcpspring.server;

import tools.jackson.databind.node.ObjectNode;

/**
 * One {@code prompts/get} invocation.
 *
 * @param name the prompt name
 * @param arguments the prompt arguments, as strings
 * @param request the request being served
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record PromptGet(String name, ObjectNode arguments, McpRequest request) implements McpInvocation {

}
