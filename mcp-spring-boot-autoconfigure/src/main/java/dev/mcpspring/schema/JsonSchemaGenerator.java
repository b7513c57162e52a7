package dev.mcpspring.schema;

import java.lang.reflect.Type;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the JSON Schema (2020-12) documents that describe tool inputs and outputs.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public interface JsonSchemaGenerator {

	/**
	 * Generate the input schema of a tool: an object with one property per argument.
	 * Types used more than once or recursively are shared through {@code $defs}.
	 * @param properties the arguments, in declaration order
	 * @return a schema of {@code "type": "object"}
	 * @throws IllegalArgumentException if an argument type cannot be described
	 */
	ObjectNode generateInputSchema(List<SchemaProperty> properties);

	/**
	 * Generate the output schema of a tool returning the given type.
	 * @param type the (unwrapped) return type, for example {@code List<Book>} for a
	 * method returning {@code Mono<List<Book>>}
	 * @return the schema, and whether values are wrapped as {@code {"result": value}}
	 * @throws IllegalArgumentException if the type cannot be described
	 */
	OutputSchema generateOutputSchema(Type type);

}
