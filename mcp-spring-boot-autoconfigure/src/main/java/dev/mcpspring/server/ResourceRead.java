package dev.mcpspring.server;

import tools.jackson.databind.node.ObjectNode;

/**
 * One {@code resources/read} invocation.
 *
 * @param name the URI read
 * @param arguments the variables matched by the URI template, empty for a fixed URI
 * @param request the request being served
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record ResourceRead(String name, ObjectNode arguments, McpRequest request) implements McpInvocation {

}
