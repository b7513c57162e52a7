package dev.mcpspring.server;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

import reactor.core.publisher.Mono;

/**
 * Suggests values for the arguments of one prompt or the variables of one resource
 * template.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public interface CompletionHandler {

	/**
	 * Return what is completed: {@code ref/prompt} or {@code ref/resource}.
	 * @return the reference type
	 */
	String getReferenceType();

	/**
	 * Return the prompt name or URI template completed.
	 * @return the reference
	 */
	String getReference();

	/**
	 * Suggest values.
	 * @param argument the argument or variable name
	 * @param value the partial value typed so far
	 * @param context the values of the other arguments already resolved
	 * @param request the request being served
	 * @return the candidate values, best first
	 */
	Mono<List<String>> complete(String argument, String value, ObjectNode context, McpRequest request);

}
