package dev.mcpspring.server;

import java.util.List;
import java.util.Map;

import dev.mcpspring.server.uri.UriTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * One {@code resources/read} invocation.
 *
 * @param name the URI read
 * @param arguments the variables matched by the URI template, empty for a fixed URI
 * @param listArguments the same variables taken as lists, such as {@code [a, b]} for
 * {@code {/path*}} against {@code /a/b}, to bind list parameters
 * @param request the request being served
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see UriTemplate#matchValues(String)
 */
public record ResourceRead(String name, ObjectNode arguments, Map<String, List<String>> listArguments,
		McpRequest request) implements McpInvocation {

	/**
	 * Create an invocation whose variables have no list form.
	 * @param name the URI read
	 * @param arguments the variables matched by the URI template
	 * @param request the request being served
	 */
	public ResourceRead(String name, ObjectNode arguments, McpRequest request) {
		this(name, arguments, Map.of(), request);
	}

}
