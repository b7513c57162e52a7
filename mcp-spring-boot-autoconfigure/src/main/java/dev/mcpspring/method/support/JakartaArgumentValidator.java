package dev.mcpspring.method.support;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mcpspring.method.McpArgumentValidator;
import dev.mcpspring.method.McpHandlerMethod;
import dev.mcpspring.server.InvalidArgumentsException;
import dev.mcpspring.server.InvalidArgumentsException.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.core.MethodParameter;

/**
 * Validates tool arguments with Jakarta Validation: the constraints on the method
 * parameters, and those of the records and beans inside arguments, also in their
 * collections, arrays and maps, even without {@link Valid}: the input schema advertises
 * them, so they are enforced.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class JakartaArgumentValidator implements McpArgumentValidator {

	private final Validator validator;

	private final ToolArgumentResolver argumentResolver;

	private final Map<MethodParameter, ValidationCascade> cascades = new ConcurrentHashMap<>();

	/**
	 * Create a validator.
	 * @param validator the Jakarta validator
	 * @param argumentResolver gives the argument names used in error paths
	 */
	public JakartaArgumentValidator(Validator validator, ToolArgumentResolver argumentResolver) {
		this.validator = validator;
		this.argumentResolver = argumentResolver;
	}

	@Override
	public void validate(McpHandlerMethod handlerMethod, @Nullable Object[] arguments) {
		Object target = targetOf(handlerMethod.getBean());
		Method method = handlerMethod.getMethod();
		MethodParameter[] parameters = handlerMethod.getMethodParameters();
		List<FieldError> errors = new ArrayList<>();
		for (ConstraintViolation<Object> violation : this.validator.forExecutables()
			.validateParameters(target, method, arguments)) {
			Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
			nodes.next();
			Path.Node parameterNode = nodes.next();
			int index = parameterNode.as(Path.ParameterNode.class).getParameterIndex();
			errors.add(new FieldError(path(nameOf(parameters[index]), nodes), violation.getMessage()));
		}
		for (int i = 0; i < arguments.length; i++) {
			if (arguments[i] != null) {
				cascadeOf(parameters[i]).validate(this.validator, arguments[i], nameOf(parameters[i]), errors);
			}
		}
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparing(FieldError::path).thenComparing(FieldError::message));
			throw new InvalidArgumentsException(errors);
		}
	}

	private ValidationCascade cascadeOf(MethodParameter parameter) {
		return this.cascades.computeIfAbsent(parameter, (key) -> ValidationCascade
			.of(key.getParameter().getAnnotatedType(), key.hasParameterAnnotation(Valid.class)));
	}

	private String nameOf(MethodParameter parameter) {
		return this.argumentResolver.getArgument(parameter).name();
	}

	/**
	 * Build a path such as {@code order.lines[0].quantity} from the nodes after the
	 * argument.
	 * @param root the argument name
	 * @param nodes the remaining nodes
	 * @return the path
	 */
	static String path(String root, Iterator<Path.Node> nodes) {
		StringBuilder path = new StringBuilder(root);
		while (nodes.hasNext()) {
			Path.Node node = nodes.next();
			if (node.isInIterable()) {
				Object key = (node.getIndex() != null) ? node.getIndex() : node.getKey();
				path.append('[').append(key).append(']');
			}
			if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT
					&& node.getKind() != ElementKind.BEAN) {
				path.append('.').append(node.getName());
			}
		}
		return path.toString();
	}

	private static Object targetOf(Object bean) {
		Object target = AopProxyUtils.getSingletonTarget(bean);
		return (target != null) ? targetOf(target) : bean;
	}

}
