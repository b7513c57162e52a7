package dev.mcpspring.schema;

import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;

/**
 * Callback to customize the victools configuration behind
 * {@link DefaultJsonSchemaGenerator}, for example to add a module or an option.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface JsonSchemaGeneratorCustomizer {

	/**
	 * Customize the configuration before the generator is built.
	 * @param builder the configuration builder
	 */
	void customize(SchemaGeneratorConfigBuilder builder);

}
