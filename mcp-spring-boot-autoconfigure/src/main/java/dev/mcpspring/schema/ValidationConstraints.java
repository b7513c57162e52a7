package dev.mcpspring.schema;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps Jakarta Validation constraints to JSON Schema keywords. Fields of records and
 * POJOs are handled by the victools module; method parameters are mapped here because
 * victools only reads annotations of fields and methods. Only used when Jakarta
 * Validation is on the classpath.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
final class ValidationConstraints {

	private ValidationConstraints() {
	}

	/**
	 * Register the victools Jakarta Validation module.
	 * @param builder the configuration builder
	 */
	static void configure(SchemaGeneratorConfigBuilder builder) {
		builder.with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
				JakartaValidationOption.NOT_NULLABLE_METHOD_IS_REQUIRED));
		builder.forFields().withStringPatternResolver((field) -> {
			Pattern pattern = field.isFakeContainerItemScope()
					? field.getContainerItemAnnotationConsideringFieldAndGetter(Pattern.class)
					: field.getAnnotationConsideringFieldAndGetter(Pattern.class);
			return (pattern != null) ? anchored(pattern.regexp()) : null;
		});
		builder.forFields().withRequiredCheck((field) -> field.getType().getErasedType().isPrimitive());
	}

	/**
	 * Anchor a Jakarta regular expression, which must match the whole value, for JSON
	 * Schema, where {@code pattern} matches anywhere in the string.
	 * @param regexp the expression
	 * @return the anchored expression
	 */
	static String anchored(String regexp) {
		return (regexp.startsWith("^") && regexp.endsWith("$")) ? regexp : "^(?:" + regexp + ")$";
	}

	/**
	 * Whether the annotations forbid a missing value.
	 * @param annotations the parameter annotations
	 * @return {@code true} for {@code @NotNull}, {@code @NotBlank} or {@code @NotEmpty}
	 */
	static boolean isRequired(Annotation[] annotations) {
		for (Annotation annotation : annotations) {
			if (annotation instanceof NotNull || annotation instanceof NotBlank || annotation instanceof NotEmpty) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Add the keywords matching the constraints among the given annotations.
	 * @param schema the property schema to add to
	 * @param type the property type, deciding what {@code @Size} and {@code @NotEmpty}
	 * limit
	 * @param annotations the parameter annotations
	 */
	static void apply(ObjectNode schema, Type type, Annotation[] annotations) {
		Shape shape = Shape.of(type);
		for (Annotation annotation : annotations) {
			if (annotation instanceof Min min) {
				schema.put("minimum", BigDecimal.valueOf(min.value()));
			}
			else if (annotation instanceof Max max) {
				schema.put("maximum", BigDecimal.valueOf(max.value()));
			}
			else if (annotation instanceof DecimalMin min) {
				schema.put(min.inclusive() ? "minimum" : "exclusiveMinimum", new BigDecimal(min.value()));
			}
			else if (annotation instanceof DecimalMax max) {
				schema.put(max.inclusive() ? "maximum" : "exclusiveMaximum", new BigDecimal(max.value()));
			}
			else if (annotation instanceof Positive) {
				schema.put("exclusiveMinimum", BigDecimal.ZERO);
			}
			else if (annotation instanceof PositiveOrZero) {
				schema.put("minimum", BigDecimal.ZERO);
			}
			else if (annotation instanceof Negative) {
				schema.put("exclusiveMaximum", BigDecimal.ZERO);
			}
			else if (annotation instanceof NegativeOrZero) {
				schema.put("maximum", BigDecimal.ZERO);
			}
			else if (annotation instanceof Size size && shape != Shape.OTHER) {
				if (size.min() > 0) {
					schema.put(shape.minKeyword, size.min());
				}
				if (size.max() < Integer.MAX_VALUE) {
					schema.put(shape.maxKeyword, size.max());
				}
			}
			else if ((annotation instanceof NotEmpty && shape != Shape.OTHER)
					|| (annotation instanceof NotBlank && shape == Shape.STRING)) {
				if (!schema.has(shape.minKeyword)) {
					schema.put(shape.minKeyword, 1);
				}
			}
			else if (annotation instanceof Pattern pattern && shape == Shape.STRING) {
				schema.put("pattern", anchored(pattern.regexp()));
			}
			else if (annotation instanceof Email email && shape == Shape.STRING) {
				schema.put("format", "email");
				if (!".*".equals(email.regexp()) && !schema.has("pattern")) {
					schema.put("pattern", anchored(email.regexp()));
				}
			}
		}
	}

	/**
	 * Add the keywords matching the type-use constraints on the elements of a container
	 * type, such as {@code List<@Pattern(...) String>}, to its {@code items} (arrays),
	 * {@code additionalProperties} (maps) or to the schema itself ({@code Optional}).
	 * Elements described by a {@code $ref} are left alone, as their definition is shared.
	 * @param schema the property schema to add to
	 * @param annotatedType the property type with its annotations, or {@code null}
	 * @param declared the annotations of the parameter declaration: in
	 * {@code @Size(max = 4) String[]} Java also places {@code @Size} on the element type,
	 * yet it constrains the array, as Jakarta Validation reads it
	 */
	static void applyToElements(ObjectNode schema, @Nullable AnnotatedType annotatedType, Annotation[] declared) {
		if (annotatedType instanceof AnnotatedArrayType array) {
			AnnotatedType component = array.getAnnotatedGenericComponentType();
			List<Annotation> declarations = List.of(declared);
			Annotation[] annotations = Arrays.stream(component.getAnnotations())
				.filter((annotation) -> !declarations.contains(annotation))
				.toArray(Annotation[]::new);
			applyToElement(schema.get("items"), component, annotations);
		}
		else if (annotatedType instanceof AnnotatedParameterizedType parameterized
				&& parameterized.getType() instanceof ParameterizedType type
				&& type.getRawType() instanceof Class<?> raw) {
			AnnotatedType[] arguments = parameterized.getAnnotatedActualTypeArguments();
			if (raw == Optional.class) {
				applyToElement(schema, arguments[0], arguments[0].getAnnotations());
			}
			else if (Iterable.class.isAssignableFrom(raw) && arguments.length == 1) {
				applyToElement(schema.get("items"), arguments[0], arguments[0].getAnnotations());
			}
			else if (Map.class.isAssignableFrom(raw) && arguments.length == 2) {
				applyToElement(schema.get("additionalProperties"), arguments[1], arguments[1].getAnnotations());
			}
		}
	}

	private static void applyToElement(@Nullable JsonNode schema, AnnotatedType element, Annotation[] annotations) {
		if (schema instanceof ObjectNode elementSchema && !elementSchema.has("$ref")) {
			apply(elementSchema, element.getType(), annotations);
			applyToElements(elementSchema, element, new Annotation[0]);
		}
	}

	/**
	 * The JSON shape of a type, as far as size constraints are concerned.
	 */
	private enum Shape {

		STRING("minLength", "maxLength"), ARRAY("minItems", "maxItems"), OBJECT("minProperties", "maxProperties"),
		OTHER("", "");

		private final String minKeyword;

		private final String maxKeyword;

		Shape(String minKeyword, String maxKeyword) {
			this.minKeyword = minKeyword;
			this.maxKeyword = maxKeyword;
		}

		static Shape of(Type type) {
			if (type instanceof GenericArrayType) {
				return ARRAY;
			}
			Type raw = (type instanceof ParameterizedType parameterized) ? parameterized.getRawType() : type;
			if (!(raw instanceof Class<?> rawClass)) {
				return OTHER;
			}
			if (CharSequence.class.isAssignableFrom(rawClass)) {
				return STRING;
			}
			if (rawClass.isArray() || Collection.class.isAssignableFrom(rawClass)) {
				return ARRAY;
			}
			return Map.class.isAssignableFrom(rawClass) ? OBJECT : OTHER;
		}

	}

}
