package dev.mcpspring.method.support;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Optional;

import dev.mcpspring.annotation.McpArg;
import dev.mcpspring.schema.SchemaProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.util.StringUtils;

/**
 * What a tool method parameter means as a JSON argument: its name, type, whether it is
 * required and its default, read once from the signature and {@link McpArg}.
 *
 * @param name the argument name in the input schema
 * @param type the generic value type, unwrapped from {@code Optional}
 * @param optionalWrapper whether the parameter is an {@code Optional}
 * @param varargs whether the parameter is the variable arity parameter of its method,
 * optional and bound to an empty array when absent
 * @param required whether the caller must supply it
 * @param defaultValue the value used when it is absent, or {@code null}
 * @param description the description, or {@code null}
 * @param parameter the method parameter
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
record ToolArgument(String name, Type type, boolean optionalWrapper, boolean varargs, boolean required,
		@Nullable JsonNode defaultValue, @Nullable String description, MethodParameter parameter) {

	static ToolArgument of(MethodParameter parameter, JsonMapper jsonMapper) {
		McpArg arg = parameter.getParameterAnnotation(McpArg.class);
		String name = (arg != null && StringUtils.hasText(arg.name())) ? arg.name() : parameter.getParameterName();
		if (name == null) {
			throw new IllegalStateException("Cannot determine the name of parameter " + parameter.getParameterIndex()
					+ ": compile with -parameters or set @McpArg(name)");
		}
		boolean optionalWrapper = parameter.getParameterType() == Optional.class;
		Type type = optionalWrapper ? ResolvableType.forMethodParameter(parameter).getGeneric(0).getType()
				: parameter.getGenericParameterType();
		JsonNode defaultValue = (arg != null && !arg.defaultValue().isEmpty())
				? parseDefault(arg.defaultValue(), type, jsonMapper) : null;
		boolean varargs = isVarargs(parameter);
		boolean required = defaultValue == null && !varargs && !parameter.isOptional()
				&& (arg == null || arg.required());
		String description = (arg != null && StringUtils.hasText(arg.description())) ? arg.description() : null;
		return new ToolArgument(name, type, optionalWrapper, varargs, required, defaultValue, description, parameter);
	}

	private static boolean isVarargs(MethodParameter parameter) {
		Method method = parameter.getMethod();
		return method != null && method.isVarArgs() && parameter.getParameterIndex() == method.getParameterCount() - 1;
	}

	private static JsonNode parseDefault(String text, Type type, JsonMapper jsonMapper) {
		if (type == String.class) {
			return StringNode.valueOf(text);
		}
		try {
			return jsonMapper.readTree(text);
		}
		catch (JacksonException ex) {
			return StringNode.valueOf(text);
		}
	}

	SchemaProperty toSchemaProperty() {
		return new SchemaProperty(this.name, this.type, this.parameter.getParameterAnnotations(), this.description,
				this.required, this.defaultValue, this.parameter.getParameter().getAnnotatedType());
	}

}
