package dev.mcpspring.server;

import tools.jackson.databind.node.ObjectNode;

/**
 * One {@code tools/call} invocation.
 *
 * @param name the tool name
 * @param arguments the arguments object, empty when the client sent none
 * @param request the request being served
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record ToolCall(String name, ObjectNode arguments, McpRequest request) implements McpInvocation {

}
