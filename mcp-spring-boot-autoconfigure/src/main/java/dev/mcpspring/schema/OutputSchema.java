package dev.mcpspring.schema;

import tools.jackson.databind.node.ObjectNode;

/**
 * The output schema of a tool and how its values map to {@code structuredContent}.
 *
 * @param schema the schema, always of {@code "type": "object"}
 * @param wrapped whether values are sent as {@code {"result": value}} because the type is
 * not itself a JSON object (collections, arrays, numbers, strings, booleans)
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record OutputSchema(ObjectNode schema, boolean wrapped) {

	/**
	 * Name of the single property that holds a wrapped value.
	 */
	public static final String RESULT_PROPERTY = "result";

}
