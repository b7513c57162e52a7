package dev.mcpspring.autoconfigure;

import java.util.List;

import dev.mcpspring.autoconfigure.diagnostics.MissingDependencyException;
import dev.mcpspring.method.InputSchemaValidator;
import dev.mcpspring.method.support.NetworkntInputSchemaValidator;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What enforces hand-written input schemas, {@code @McpTool(inputSchema = ...)}: the
 * networknt {@code json-schema-validator}, which the starter brings. Without it, such a
 * schema fails startup rather than be advertised and not enforced.
 *
 * @author MCP Spring Boot team
 */
final class McpInputSchemaValidatorConfigurations {

	private static final String SCHEMA_REGISTRY = "com.networknt.schema.SchemaRegistry";

	private McpInputSchemaValidatorConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = SCHEMA_REGISTRY)
	static class NetworkntConfiguration {

		@Bean
		@ConditionalOnMissingBean
		InputSchemaValidator mcpInputSchemaValidator() {
			return new NetworkntInputSchemaValidator();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(SCHEMA_REGISTRY)
	static class MissingValidatorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		InputSchemaValidator mcpInputSchemaValidator() {
			return new MissingInputSchemaValidator();
		}

	}

	/**
	 * Fails the registration of a tool with a hand-written input schema.
	 */
	static final class MissingInputSchemaValidator implements InputSchemaValidator {

		@Override
		public CompiledSchema compile(ObjectNode schema) {
			throw MissingDependencyException.forUsage("@McpTool(inputSchema = ...)",
					"the validation of tool arguments against hand-written schemas", List.of(SCHEMA_REGISTRY),
					List.of("com.networknt:json-schema-validator"));
		}

	}

}
