package dev.mcpspring.schema;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.BaseStream;

import com.fasterxml.classmate.ResolvedType;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomDefinitionProviderV2;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Custom definitions for types that the victools defaults do not describe the way Jackson
 * writes them: {@code java.time} types as formatted strings, {@code URL}, {@code Locale},
 * {@code Currency} and time zones as strings, enums as their serialized values,
 * {@code byte} as a number, {@code byte[]} as a base64 string and {@code Optional} as its
 * value. Types without a stable JSON form are rejected instead of becoming an empty
 * schema.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
final class TypeDefinitions implements CustomDefinitionProviderV2 {

	private static final Map<Class<?>, String> TIME_FORMATS = Map.ofEntries(Map.entry(LocalDate.class, "date"),
			Map.entry(LocalDateTime.class, "date-time"), Map.entry(OffsetDateTime.class, "date-time"),
			Map.entry(ZonedDateTime.class, "date-time"), Map.entry(Instant.class, "date-time"),
			Map.entry(LocalTime.class, "time"), Map.entry(OffsetTime.class, "time"),
			Map.entry(Duration.class, "duration"), Map.entry(Period.class, "duration"));

	@Override
	public @Nullable CustomDefinition provideCustomSchemaDefinition(ResolvedType javaType,
			SchemaGenerationContext context) {
		Class<?> type = javaType.getErasedType();
		String unsupported = whyUnsupported(type);
		if (unsupported != null) {
			throw new UnsupportedTypeException(javaType.getTypeName() + " " + unsupported);
		}
		String format = TIME_FORMATS.get(type);
		if (format != null) {
			return inline(newSchema(context, "string", format));
		}
		if (type == URL.class) {
			return inline(newSchema(context, "string", "uri"));
		}
		if (type == Locale.class || type == Currency.class || type == TimeZone.class
				|| ZoneId.class.isAssignableFrom(type)) {
			return inline(newSchema(context, "string", null));
		}
		if (type.getEnumConstants() != null) {
			return inline(enumSchema(type, context.getGeneratorConfig().getObjectMapper()));
		}
		if (type == byte.class || type == Byte.class) {
			return inline(newSchema(context, "integer", null));
		}
		if (type == byte[].class) {
			return inline(newSchema(context, "string", null).put("contentEncoding", "base64"));
		}
		if (type == Optional.class) {
			ResolvedType valueType = context.getTypeContext().getTypeParameterFor(javaType, Optional.class, 0);
			return inline(context.createDefinition(valueType));
		}
		return null;
	}

	private static CustomDefinition inline(ObjectNode schema) {
		return new CustomDefinition(schema, CustomDefinition.DefinitionType.INLINE,
				CustomDefinition.AttributeInclusion.YES);
	}

	private static ObjectNode newSchema(SchemaGenerationContext context, String type, @Nullable String format) {
		ObjectNode schema = context.getGeneratorConfig().createObjectNode().put("type", type);
		return (format != null) ? schema.put("format", format) : schema;
	}

	/**
	 * Describe an enum by the values Jackson writes, honouring {@code @JsonValue},
	 * {@code @JsonProperty} and the mapper configuration.
	 */
	private static ObjectNode enumSchema(Class<?> type, ObjectMapper mapper) {
		ArrayNode values = mapper.createArrayNode();
		for (Object constant : type.getEnumConstants()) {
			values.add(mapper.valueToTree(constant));
		}
		ObjectNode schema = mapper.createObjectNode();
		if (all(values, JsonNode::isString)) {
			schema.put("type", "string");
		}
		else if (all(values, JsonNode::isIntegralNumber)) {
			schema.put("type", "integer");
		}
		else if (all(values, JsonNode::isNumber)) {
			schema.put("type", "number");
		}
		return schema.set("enum", values);
	}

	private static boolean all(ArrayNode values, Predicate<JsonNode> condition) {
		for (JsonNode value : values) {
			if (!condition.test(value)) {
				return false;
			}
		}
		return true;
	}

	private static @Nullable String whyUnsupported(Class<?> type) {
		if (type == Object.class) {
			return "has no fixed JSON structure (also the result of raw or unresolved generic types); "
					+ "declare a concrete type";
		}
		if (type == Void.class || type == void.class) {
			return "has no value to describe";
		}
		if (InputStream.class.isAssignableFrom(type) || OutputStream.class.isAssignableFrom(type)
				|| Reader.class.isAssignableFrom(type) || Writer.class.isAssignableFrom(type)) {
			return "is a byte or character stream, not a JSON value; use a String or byte[]";
		}
		if (BaseStream.class.isAssignableFrom(type) || Iterator.class.isAssignableFrom(type)) {
			return "is consumed lazily and has no JSON form; collect it into a List";
		}
		if (Future.class.isAssignableFrom(type) || CompletionStage.class.isAssignableFrom(type)
				|| isSubtypeOf(type, "org.reactivestreams.Publisher")) {
			return "is asynchronous; describe the value it produces instead";
		}
		if (type == Class.class || Thread.class.isAssignableFrom(type) || ClassLoader.class.isAssignableFrom(type)) {
			return "is not a data type";
		}
		if (isFunctional(type)) {
			return "is a functional interface (behaviour, not data)";
		}
		return null;
	}

	private static boolean isFunctional(Class<?> type) {
		return type.isInterface() && (type.isAnnotationPresent(FunctionalInterface.class)
				|| type.getPackageName().equals("java.util.function") || type == Runnable.class);
	}

	private static boolean isSubtypeOf(@Nullable Class<?> type, String name) {
		if (type == null) {
			return false;
		}
		if (type.getName().equals(name) || isSubtypeOf(type.getSuperclass(), name)) {
			return true;
		}
		for (Class<?> candidate : type.getInterfaces()) {
			if (isSubtypeOf(candidate, name)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Signals a type that cannot be described, carrying the type and the reason.
	 */
	static final class UnsupportedTypeException extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		UnsupportedTypeException(String message) {
			super(message);
		}

	}

}
