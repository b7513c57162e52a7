package dev.mcpspring.method.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.mcpspring.method.ArgumentBindingException;
import dev.mcpspring.server.InvalidArgumentsException.FieldError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Finds every bad field of an argument once Jackson has failed on the first: the bad
 * value is replaced by an empty one ({@code null}, or zero or {@code false} for a
 * primitive) and the argument bound again, until it binds or a field fails twice. Only
 * runs on the error path.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
final class ErrorCollectingBinder {

	private static final int MAX_ERRORS = 32;

	private final ExpectedTypeDescriptions descriptions;

	ErrorCollectingBinder(ExpectedTypeDescriptions descriptions) {
		this.descriptions = descriptions;
	}

	/**
	 * Collect the errors of an argument that failed to bind.
	 * @param name the argument name, root of the error paths
	 * @param reader the reader that failed
	 * @param node the argument value
	 * @param failure the first failure
	 * @return an exception naming every bad field, with the value bound without them
	 */
	ArgumentBindingException bindAfterFailure(String name, ObjectReader reader, JsonNode node,
			JacksonException failure) {
		List<FieldError> errors = new ArrayList<>();
		Set<String> paths = new HashSet<>();
		JsonNode current = node.deepCopy();
		JacksonException problem = failure;
		while (errors.size() < MAX_ERRORS) {
			FieldError error = fieldError(name, current, problem);
			if (!paths.add(error.path())) {
				break;
			}
			errors.add(error);
			if (!replaceWithEmpty(current, problem)) {
				break;
			}
			try {
				return new ArgumentBindingException(errors, reader.readValue(current));
			}
			catch (JacksonException ex) {
				problem = ex;
			}
		}
		return new ArgumentBindingException(errors, null);
	}

	private FieldError fieldError(String name, JsonNode node, JacksonException ex) {
		String path = path(name, ex);
		if (ex instanceof MismatchedInputException mismatch) {
			return new FieldError(path, isMissing(node, ex) ? "is required"
					: "must be " + this.descriptions.describe(mismatch.getTargetType()));
		}
		return new FieldError(path, "has an invalid value");
	}

	private static boolean isMissing(JsonNode node, JacksonException ex) {
		JsonNode current = node;
		for (JacksonException.Reference reference : ex.getPath()) {
			current = (reference.getPropertyName() != null) ? current.path(reference.getPropertyName())
					: current.path(reference.getIndex());
		}
		return !ex.getPath().isEmpty() && (current.isMissingNode() || current.isNull());
	}

	/**
	 * Replace the value at the path of a failure, in place.
	 * @return whether the path leads to a value inside the argument
	 */
	private static boolean replaceWithEmpty(JsonNode root, JacksonException ex) {
		List<JacksonException.Reference> references = ex.getPath();
		if (references.isEmpty()) {
			return false;
		}
		JsonNode container = root;
		for (int i = 0; i < references.size() - 1; i++) {
			container = child(container, references.get(i));
			if (container == null) {
				return false;
			}
		}
		JsonNode empty = emptyValue(targetType(ex));
		JacksonException.Reference last = references.get(references.size() - 1);
		if (last.getPropertyName() != null && container instanceof ObjectNode object) {
			object.set(last.getPropertyName(), empty);
			return true;
		}
		if (last.getIndex() >= 0 && container instanceof ArrayNode array && last.getIndex() < array.size()) {
			array.set(last.getIndex(), empty);
			return true;
		}
		return false;
	}

	private static @Nullable JsonNode child(JsonNode container, JacksonException.Reference reference) {
		JsonNode child = (reference.getPropertyName() != null) ? container.get(reference.getPropertyName())
				: (reference.getIndex() >= 0) ? container.get(reference.getIndex()) : null;
		return (child != null && child.isContainer()) ? child : null;
	}

	private static @Nullable Class<?> targetType(JacksonException ex) {
		if (ex instanceof MismatchedInputException mismatch) {
			return mismatch.getTargetType();
		}
		if (ex instanceof ValueInstantiationException instantiation && instantiation.getType() != null) {
			return instantiation.getType().getRawClass();
		}
		return null;
	}

	private static JsonNode emptyValue(@Nullable Class<?> type) {
		if (type == null || !type.isPrimitive()) {
			return NullNode.getInstance();
		}
		if (type == boolean.class) {
			return BooleanNode.FALSE;
		}
		return (type == char.class) ? StringNode.valueOf(" ") : IntNode.valueOf(0);
	}

	/**
	 * Build a path such as {@code order.lines[0].quantity} from a failure.
	 * @param root the argument name
	 * @param ex the failure
	 * @return the path
	 */
	static String path(String root, JacksonException ex) {
		StringBuilder path = new StringBuilder(root);
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append('.').append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

}
