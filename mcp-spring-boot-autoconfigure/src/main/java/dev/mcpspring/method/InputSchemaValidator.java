package dev.mcpspring.method;

import java.util.List;

import dev.mcpspring.server.InvalidArgumentsException.FieldError;
import tools.jackson.databind.node.ObjectNode;

/**
 * Enforces the hand-written input schema of a tool, such as
 * {@code @McpTool(inputSchema = "classpath:schemas/order.json")}: the arguments a client
 * sends are checked against the schema the tool advertises before the method is invoked.
 * Schemas generated from method parameters need none, since binding and Bean Validation
 * enforce them.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface InputSchemaValidator {

	/**
	 * Compile a schema, once, when the tool is registered.
	 * @param schema the input schema the tool advertises
	 * @return the compiled schema
	 * @throws IllegalArgumentException if the schema cannot be compiled
	 */
	CompiledSchema compile(ObjectNode schema);

	/**
	 * A compiled input schema.
	 */
	@FunctionalInterface
	interface CompiledSchema {

		/**
		 * Check the arguments of a call.
		 * @param arguments the arguments object the client sent
		 * @return every violation, each with the path of the argument and a message that
		 * does not repeat its value; empty when the arguments are valid
		 */
		List<FieldError> validate(ObjectNode arguments);

	}

}
