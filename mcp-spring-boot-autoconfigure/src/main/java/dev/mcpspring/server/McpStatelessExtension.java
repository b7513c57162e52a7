package dev.mcpspring.server;

import dev.mcpspring.model.CallToolResult;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * An extension of the stateless revision that the engine defers to, such as the tasks
 * extension: it may advertise itself in {@code server/discover}, serve methods of its
 * own, and take over tool calls.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public interface McpStatelessExtension {

	/**
	 * Advertise the extension in a {@code server/discover} result.
	 * @param discover the result, changed in place
	 * @return the same result
	 */
	ObjectNode advertise(ObjectNode discover);

	/**
	 * Whether the extension serves a method of its own.
	 * @param method the method
	 * @return {@code true} if {@link #serve} answers it
	 */
	boolean serves(String method);

	/**
	 * Serve a method of the extension.
	 * @param request the request, validated as stateless
	 * @param toolCaller calls a tool the usual way, for methods that run tools
	 * @return the result
	 */
	Mono<?> serve(McpRequest request, ToolCaller toolCaller);

	/**
	 * Call a tool, possibly in a way of the extension's own.
	 * @param request the {@code tools/call} request with its client input
	 * @param toolCaller calls the tool the usual way
	 * @return the result
	 */
	Mono<?> callTool(McpRequest request, ToolCaller toolCaller);

	/**
	 * Calls a tool the way the engine does without extensions.
	 */
	@FunctionalInterface
	interface ToolCaller {

		/**
		 * Call the tool a request names.
		 * @param request the {@code tools/call} request
		 * @return the tool result
		 */
		Mono<CallToolResult> call(McpRequest request);

	}

}
