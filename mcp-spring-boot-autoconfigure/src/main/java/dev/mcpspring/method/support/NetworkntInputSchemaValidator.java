package dev.mcpspring.method.support;

import java.util.List;
import java.util.Locale;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.resource.IriResourceLoader;
import dev.mcpspring.method.InputSchemaValidator;
import dev.mcpspring.server.InvalidArgumentsException.FieldError;
import tools.jackson.databind.node.ObjectNode;

/**
 * An {@link InputSchemaValidator} backed by the networknt {@code json-schema-validator}:
 * JSON Schema 2020-12 unless a schema names another dialect in {@code $schema}. A schema
 * is compiled, its references resolved, once; nothing is fetched over the network or from
 * files, so a {@code $ref} points inside the schema or to the classpath. Messages are in
 * English and name the argument, never its value.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class NetworkntInputSchemaValidator implements InputSchemaValidator {

	/**
	 * Path of a violation of the arguments object as a whole.
	 */
	static final String ROOT_PATH = "arguments";

	private final SchemaRegistry schemaRegistry;

	/**
	 * Create a validator.
	 */
	public NetworkntInputSchemaValidator() {
		SchemaRegistryConfig config = SchemaRegistryConfig.builder().locale(Locale.ENGLISH).build();
		this.schemaRegistry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder.schemaRegistryConfig(config)
					.schemaLoader((loader) -> loader.fetchRemoteResources(false)
						.resourceLoaders((loaders) -> loaders
							.values((values) -> values.removeIf(IriResourceLoader.class::isInstance)))));
	}

	@Override
	public CompiledSchema compile(ObjectNode schema) {
		Schema compiled;
		try {
			List<Error> schemaErrors = metaSchema(schema).validate(schema);
			if (!schemaErrors.isEmpty()) {
				throw new IllegalArgumentException("invalid inputSchema: " + schemaErrors.stream()
					.map(NetworkntInputSchemaValidator::fieldError)
					.map((error) -> error.toString().replaceFirst("^" + ROOT_PATH + "[.:]?", "").trim())
					.toList());
			}
			compiled = this.schemaRegistry.getSchema(schema);
			compiled.initializeValidators();
		}
		catch (SchemaException ex) {
			throw new IllegalArgumentException("invalid inputSchema: " + ex.getMessage(), ex);
		}
		return (arguments) -> compiled.validate(arguments)
			.stream()
			.map(NetworkntInputSchemaValidator::fieldError)
			.distinct()
			.toList();
	}

	/**
	 * The meta-schema of the dialect the schema names, 2020-12 when it names none.
	 */
	private Schema metaSchema(ObjectNode schema) {
		String dialect = SpecificationVersion.fromSchemaNode(schema)
			.orElse(SpecificationVersion.DRAFT_2020_12)
			.getDialectId();
		return this.schemaRegistry.getSchema(SchemaLocation.of(dialect));
	}

	private static FieldError fieldError(Error error) {
		return new FieldError(path(error.getInstanceLocation()), error.getMessage());
	}

	/**
	 * The path as the rest of the server writes it: {@code order.lines[0].isbn}.
	 */
	private static String path(NodePath location) {
		StringBuilder path = new StringBuilder();
		for (int i = 0; i < location.getNameCount(); i++) {
			Object element = location.getElement(i);
			if (element instanceof Number index) {
				path.append('[').append(index).append(']');
			}
			else {
				path.append((path.length() > 0) ? "." : "").append(element);
			}
		}
		return (path.length() > 0) ? path.toString() : ROOT_PATH;
	}

}
