package dev.mcpspring.schema;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.classmate.ResolvedType;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import com.github.victools.jsonschema.module.jackson.JsonPropertySorter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.ClassUtils;

/**
 * {@link JsonSchemaGenerator} backed by the victools generator, configured so that the
 * schemas describe the JSON that Jackson reads and writes (property names, enum values,
 * descriptions) and carry the Jakarta Validation constraints of the Java types.
 * <p>
 * Schemas follow draft 2020-12 without {@code $schema} and {@code $id}; shared and
 * recursive types are defined once under {@code $defs}. Types without a stable JSON form
 * ({@code Object}, streams, asynchronous or functional types) are rejected with an
 * {@link IllegalArgumentException} rather than described by an empty schema. Instances
 * are safe for concurrent use.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class DefaultJsonSchemaGenerator implements JsonSchemaGenerator {

	private static final String DEFS = "$defs";

	private static final String DEFS_REFERENCE_PREFIX = "#/" + DEFS + "/";

	private static final String TYPE = "type";

	private static final String OBJECT = "object";

	private static final boolean VALIDATION_PRESENT = ClassUtils.isPresent("jakarta.validation.constraints.NotNull",
			DefaultJsonSchemaGenerator.class.getClassLoader());

	private final JsonNodeFactory nodeFactory = JsonNodeFactory.instance;

	private final SchemaGenerator generator;

	/**
	 * Create a generator with the default configuration.
	 */
	public DefaultJsonSchemaGenerator() {
		this(List.of());
	}

	/**
	 * Create a generator whose configuration is adapted by the given customizers. They
	 * run after the defaults are applied, so their custom definitions take precedence
	 * over the built-in handling of {@code java.time} types and unsupported types.
	 * @param customizers the customizers to apply, in order
	 */
	public DefaultJsonSchemaGenerator(List<JsonSchemaGeneratorCustomizer> customizers) {
		SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
				OptionPreset.PLAIN_JSON);
		// Optional is unwrapped below without being turned into a nullable type
		builder.without(Option.SCHEMA_VERSION_INDICATOR, Option.FLATTENED_OPTIONALS, Option.FLATTENED_SUPPLIERS);
		builder.with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES, Option.PLAIN_DEFINITION_KEYS);
		builder.with(new JacksonSchemaModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED));
		if (VALIDATION_PRESENT) {
			ValidationConstraints.configure(builder);
		}
		builder.forFields().withTargetTypeOverridesResolver(DefaultJsonSchemaGenerator::unwrapOptional);
		builder.forMethods().withTargetTypeOverridesResolver(DefaultJsonSchemaGenerator::unwrapOptional);
		// @JsonPropertyOrder if present, declaration order otherwise
		builder.forTypesInGeneral()
			.withPropertySorter(new JsonPropertySorter(false))
			.withArrayUniqueItemsResolver((scope) -> scope.getType().isInstanceOf(Set.class) ? Boolean.TRUE : null);
		customizers.forEach((customizer) -> customizer.customize(builder));
		builder.forTypesInGeneral().withCustomDefinitionProvider(new TypeDefinitions());
		this.generator = new SchemaGenerator(builder.build());
	}

	private static @Nullable List<ResolvedType> unwrapOptional(MemberScope<?, ?> member) {
		return member.getType().isInstanceOf(Optional.class) ? List.of(member.getTypeParameterFor(Optional.class, 0))
				: null;
	}

	@Override
	public ObjectNode generateInputSchema(List<SchemaProperty> properties) {
		List<Type> types = properties.stream().map((property) -> unwrapOptional(property.type())).toList();
		List<String> names = properties.stream().map((property) -> "argument '" + property.name() + "'").toList();
		Generated generated = generate(types, names);
		ObjectNode schema = this.nodeFactory.objectNode();
		schema.put(TYPE, OBJECT);
		ObjectNode propertiesNode = schema.putObject("properties");
		ArrayNode required = this.nodeFactory.arrayNode();
		for (int i = 0; i < properties.size(); i++) {
			SchemaProperty property = properties.get(i);
			ObjectNode propertySchema = generated.schemas().get(i);
			String description = property.description();
			if (description != null) {
				propertySchema.put("description", description);
			}
			JsonNode defaultValue = property.defaultValue();
			if (defaultValue != null) {
				propertySchema.set("default", defaultValue.deepCopy());
			}
			boolean constrainedRequired = false;
			if (VALIDATION_PRESENT) {
				ValidationConstraints.apply(propertySchema, types.get(i), property.annotations());
				ValidationConstraints.applyToElements(propertySchema, property.annotatedType(), property.annotations());
				constrainedRequired = ValidationConstraints.isRequired(property.annotations());
			}
			propertiesNode.set(property.name(), propertySchema);
			if (property.required() || constrainedRequired) {
				required.add(property.name());
			}
		}
		if (!required.isEmpty()) {
			schema.set("required", required);
		}
		return withDefinitions(schema, generated.definitions());
	}

	@Override
	public OutputSchema generateOutputSchema(Type type) {
		Type target = unwrapOptional(type);
		Generated generated = generate(List.of(target), List.of("output"));
		ObjectNode schema = generated.schemas().get(0);
		ObjectNode definitions = generated.definitions();
		JsonNode reference = schema.get("$ref");
		if (schema.size() == 1 && reference != null && reference.isString()) {
			// recursive or shared root type: inline its definition, keep it in $defs
			JsonNode definition = definitions.get(reference.asString().substring(DEFS_REFERENCE_PREFIX.length()));
			if (definition instanceof ObjectNode objectDefinition) {
				schema = objectDefinition.deepCopy();
			}
		}
		if (schema.path(TYPE).isString() && OBJECT.equals(schema.path(TYPE).asString())) {
			return new OutputSchema(withDefinitions(schema, definitions), false);
		}
		ObjectNode wrapper = this.nodeFactory.objectNode();
		wrapper.put(TYPE, OBJECT);
		wrapper.putObject("properties").set(OutputSchema.RESULT_PROPERTY, generated.schemas().get(0));
		wrapper.putArray("required").add(OutputSchema.RESULT_PROPERTY);
		return new OutputSchema(withDefinitions(wrapper, definitions), true);
	}

	/**
	 * Generate the schemas of several types sharing one set of definitions. Guarded as
	 * victools keeps per-generation state in its configuration.
	 */
	private synchronized Generated generate(List<Type> types, List<String> descriptions) {
		try {
			SchemaBuilder builder = this.generator.buildMultipleSchemaDefinitions();
			List<ObjectNode> references = new ArrayList<>(types.size());
			for (int i = 0; i < types.size(); i++) {
				references.add(createReference(builder, types.get(i), descriptions.get(i)));
			}
			ObjectNode definitions = builder.collectDefinitions(DEFS);
			return new Generated(references.stream().map(ObjectNode::deepCopy).toList(), definitions);
		}
		finally {
			this.generator.getConfig().resetAfterSchemaGenerationFinished();
		}
	}

	private ObjectNode createReference(SchemaBuilder builder, Type type, String description) {
		String unresolved = findUnresolvedType(type);
		if (unresolved != null) {
			throw new IllegalArgumentException("Cannot generate JSON schema for " + description + " of type "
					+ type.getTypeName() + ": " + unresolved + " is not resolved; declare a concrete type");
		}
		try {
			return builder.createSchemaReference(type);
		}
		catch (TypeDefinitions.UnsupportedTypeException ex) {
			throw new IllegalArgumentException("Cannot generate JSON schema for " + description + " of type "
					+ type.getTypeName() + ": " + ex.getMessage(), ex);
		}
	}

	private ObjectNode withDefinitions(ObjectNode schema, ObjectNode definitions) {
		if (!definitions.isEmpty()) {
			schema.set(DEFS, definitions);
		}
		return schema;
	}

	private static Type unwrapOptional(Type type) {
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
			return unwrapOptional(parameterized.getActualTypeArguments()[0]);
		}
		return type;
	}

	/**
	 * Find a type variable (or lower-bounded wildcard) that victools would silently
	 * resolve to {@code Object}, to report it by name.
	 */
	private static @Nullable String findUnresolvedType(Type type) {
		if (type instanceof TypeVariable<?> variable) {
			return "type variable '" + variable.getName() + "'";
		}
		if (type instanceof WildcardType wildcard) {
			return (wildcard.getLowerBounds().length == 0) ? findUnresolvedType(wildcard.getUpperBounds()[0])
					: "wildcard '" + wildcard.getTypeName() + "'";
		}
		if (type instanceof GenericArrayType array) {
			return findUnresolvedType(array.getGenericComponentType());
		}
		if (type instanceof ParameterizedType parameterized) {
			for (Type argument : parameterized.getActualTypeArguments()) {
				String found = findUnresolvedType(argument);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/**
	 * Schemas (or {@code $ref}s) of the requested types and their shared definitions.
	 */
	private record Generated(List<ObjectNode> schemas, ObjectNode definitions) {

	}

}
