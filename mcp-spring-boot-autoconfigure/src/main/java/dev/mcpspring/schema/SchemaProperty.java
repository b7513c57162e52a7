package dev.mcpspring.schema;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One property of a generated object schema, typically a method parameter.
 *
 * @param name the property name
 * @param type the generic Java type, already unwrapped from {@code Optional}
 * @param annotations annotations on the parameter, read for Jakarta Validation
 * constraints such as {@code @Min} or {@code @Pattern}
 * @param description what the property means, or {@code null}
 * @param required whether the property is listed in {@code required}
 * @param defaultValue the {@code default} keyword value, or {@code null}
 * @param annotatedType the type with its type-use annotations, read for the constraints
 * on container elements such as {@code List<@Pattern(...) String>}, or {@code null}
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record SchemaProperty(String name, Type type, Annotation[] annotations, @Nullable String description,
		boolean required, @Nullable JsonNode defaultValue, @Nullable AnnotatedType annotatedType) {

	/**
	 * Create a property without type-use annotations.
	 * @param name the property name
	 * @param type the generic Java type, already unwrapped from {@code Optional}
	 * @param annotations annotations on the parameter
	 * @param description what the property means, or {@code null}
	 * @param required whether the property is listed in {@code required}
	 * @param defaultValue the {@code default} keyword value, or {@code null}
	 */
	public SchemaProperty(String name, Type type, Annotation[] annotations, @Nullable String description,
			boolean required, @Nullable JsonNode defaultValue) {
		this(name, type, annotations, description, required, defaultValue, null);
	}

}
