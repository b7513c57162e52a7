package dev.mcpspring.server;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A typed view of what a request asks for: the kind of feature, its name (a tool or
 * prompt name, a resource URI) and the arguments. Read once from the decoded parameters
 * when the {@link McpRequest} is created, so that observation, logging, authorization and
 * rate limits do not each dig into the JSON.
 *
 * @param kind the kind of feature the request is about
 * @param name the tool or prompt name, the resource URI, or {@code null} when the request
 * names none or names it with a value that is not a string
 * @param arguments the arguments of a tool call or a prompt, or {@code null} when absent
 * or not an object
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record McpOperation(Kind kind, @Nullable String name, @Nullable ObjectNode arguments) {

	/**
	 * The view of a request that names no feature.
	 */
	public static final McpOperation OTHER = new McpOperation(Kind.OTHER, null, null);

	/**
	 * Read the operation of a request.
	 * @param method the method of the request
	 * @param params its parameters, or {@code null}
	 * @return the operation, {@link #OTHER} for methods that name no feature
	 */
	public static McpOperation of(String method, @Nullable ObjectNode params) {
		Kind kind = switch (method) {
			case "tools/call" -> Kind.TOOL;
			case "prompts/get" -> Kind.PROMPT;
			case "resources/read", "resources/subscribe", "resources/unsubscribe" -> Kind.RESOURCE;
			default -> Kind.OTHER;
		};
		if (kind == Kind.OTHER || params == null) {
			return (kind == Kind.OTHER) ? OTHER : new McpOperation(kind, null, null);
		}
		String name = text(params.get((kind == Kind.RESOURCE) ? "uri" : "name"));
		JsonNode arguments = (kind != Kind.RESOURCE) ? params.get("arguments") : null;
		return new McpOperation(kind, name, (arguments instanceof ObjectNode object) ? object : null);
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.asString() : null;
	}

	/**
	 * Whether this is a call of the named tool.
	 * @param toolName the tool name
	 * @return {@code true} for a {@code tools/call} of that tool
	 */
	public boolean isToolCall(String toolName) {
		return this.kind == Kind.TOOL && toolName.equals(this.name);
	}

	/**
	 * The kind of feature a request is about.
	 */
	public enum Kind {

		/**
		 * {@code tools/call}: the name is the tool name.
		 */
		TOOL,

		/**
		 * {@code prompts/get}: the name is the prompt name.
		 */
		PROMPT,

		/**
		 * {@code resources/read}, {@code resources/subscribe} and
		 * {@code resources/unsubscribe}: the name is the resource URI.
		 */
		RESOURCE,

		/**
		 * Any other method: no name, no arguments.
		 */
		OTHER

	}

}
