package dev.mcpspring.method.support;

import java.lang.reflect.Array;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.mcpspring.method.McpMethodArgumentResolver;
import dev.mcpspring.server.InvalidArgumentsException;
import dev.mcpspring.server.InvalidArgumentsException.FieldError;
import dev.mcpspring.server.McpInvocation;
import dev.mcpspring.server.ResourceRead;
import dev.mcpspring.server.ToolCall;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.type.LogicalType;

import org.springframework.core.MethodParameter;
import org.springframework.util.ClassUtils;

/**
 * Binds a handler method parameter from the invocation's named arguments with Jackson.
 * Tool arguments are bound strictly, as their JSON Schema says: a string is not taken for
 * a number, nor a number for a string. Prompt arguments and URI template variables arrive
 * as strings and are converted. Supports every parameter, so it goes last among the
 * resolvers.
 * <p>
 * Binding errors name the offending property path and the expected JSON type, never the
 * value sent, and are collected for all parameters and all their fields before the call
 * fails.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ToolArgumentResolver implements McpMethodArgumentResolver {

	private final JsonMapper jsonMapper;

	private final JsonMapper strictMapper;

	private final Map<MethodParameter, Binding> bindings = new ConcurrentHashMap<>();

	private final ErrorCollectingBinder everyErrorBinder;

	/**
	 * Create a resolver.
	 * @param jsonMapper the mapper to bind values with
	 */
	public ToolArgumentResolver(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper.rebuild()
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.build();
		this.strictMapper = this.jsonMapper.rebuild()
			.withCoercionConfigDefaults((config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert))
			.withCoercionConfig(LogicalType.Enum,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert))
			.withCoercionConfig(LogicalType.DateTime,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert))
			.withCoercionConfig(LogicalType.Float,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert)
						.setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert))
			.withCoercionConfig(LogicalType.Integer,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert))
			.withCoercionConfig(LogicalType.Boolean,
					(config) -> config.setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert))
			.build();
		this.everyErrorBinder = new ErrorCollectingBinder(new ExpectedTypeDescriptions(this.jsonMapper));
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return true;
	}

	/**
	 * Describe a parameter as a JSON argument.
	 * @param parameter the method parameter
	 * @return the argument metadata
	 */
	ToolArgument getArgument(MethodParameter parameter) {
		return getBinding(parameter).argument();
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, McpInvocation invocation) {
		Binding binding = getBinding(parameter);
		ToolArgument argument = binding.argument();
		JsonNode node = invocation.arguments().get(argument.name());
		if (binding.multiValued() && invocation instanceof ResourceRead read) {
			node = listArgument(read, argument.name(), node);
		}
		if (node == null || node.isNull()) {
			node = argument.defaultValue();
		}
		if (node == null) {
			if (argument.required()) {
				throw new InvalidArgumentsException(List.of(new FieldError(argument.name(), "is required")));
			}
			return absentValue(argument);
		}
		Object value = bind(binding, node, invocation instanceof ToolCall);
		return argument.optionalWrapper() ? Optional.ofNullable(value) : value;
	}

	/**
	 * Take a URI template variable bound to a collection or an array as the list of its
	 * members, such as {@code [a, b]} for {@code {/path*}} against {@code /a/b}.
	 */
	private static @Nullable JsonNode listArgument(ResourceRead read, String name, @Nullable JsonNode node) {
		List<String> members = read.listArguments().get(name);
		if (members == null) {
			return node;
		}
		ArrayNode array = JsonNodeFactory.instance.arrayNode(members.size());
		members.forEach(array::add);
		return array;
	}

	private @Nullable Object bind(Binding binding, JsonNode node, boolean strict) {
		ObjectReader reader = strict ? binding.strictReader() : binding.reader();
		try {
			return reader.readValue(node);
		}
		catch (JacksonException ex) {
			throw this.everyErrorBinder.bindAfterFailure(binding.argument().name(), reader, node, ex);
		}
	}

	private static @Nullable Object absentValue(ToolArgument argument) {
		if (argument.optionalWrapper()) {
			return Optional.empty();
		}
		Class<?> type = argument.parameter().getParameterType();
		if (argument.varargs()) {
			return Array.newInstance(type.getComponentType(), 0);
		}
		if (type == boolean.class) {
			return false;
		}
		if (type.isPrimitive()) {
			return (type == char.class) ? '\0' : ClassUtils.resolvePrimitiveIfNecessary(type).cast(defaultNumber(type));
		}
		return null;
	}

	private static Object defaultNumber(Class<?> type) {
		if (type == long.class) {
			return 0L;
		}
		if (type == double.class) {
			return 0d;
		}
		if (type == float.class) {
			return 0f;
		}
		if (type == short.class) {
			return (short) 0;
		}
		return (type == byte.class) ? (byte) 0 : 0;
	}

	private Binding getBinding(MethodParameter parameter) {
		return this.bindings.computeIfAbsent(parameter, (key) -> {
			ToolArgument argument = ToolArgument.of(key, this.jsonMapper);
			JavaType javaType = this.jsonMapper.constructType(argument.type());
			boolean multiValued = javaType.isCollectionLikeType()
					|| (javaType.isArrayType() && javaType.getRawClass() != byte[].class);
			return new Binding(argument, this.jsonMapper.readerFor(javaType), this.strictMapper.readerFor(javaType),
					multiValued);
		});
	}

	/**
	 * How to bind one parameter, worked out on its first use.
	 *
	 * @param argument the argument metadata
	 * @param reader reads prompt arguments and URI template variables, converting strings
	 * @param strictReader reads tool arguments as their schema says
	 * @param multiValued whether the parameter is a collection or an array, bound from
	 * the members of a URI template list variable
	 */
	private record Binding(ToolArgument argument, ObjectReader reader, ObjectReader strictReader, boolean multiValued) {

	}

}
