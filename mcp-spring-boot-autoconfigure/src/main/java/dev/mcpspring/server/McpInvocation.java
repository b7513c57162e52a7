package dev.mcpspring.server;

import tools.jackson.databind.node.ObjectNode;

/**
 * One invocation of a handler: a tool call, a prompt rendering, a resource read or a
 * completion.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public interface McpInvocation {

	/**
	 * Return the name of the feature invoked: tool or prompt name, resource URI.
	 * @return the name
	 */
	String name();

	/**
	 * Return the named arguments: tool arguments, prompt arguments, or the variables of a
	 * URI template.
	 * @return the arguments, never {@code null}
	 */
	ObjectNode arguments();

	/**
	 * Return the request being served.
	 * @return the request
	 */
	McpRequest request();

}
