package dev.mcpspring.server;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.util.Assert;

/**
 * Raised when tool arguments cannot be bound or violate constraints. Becomes a result of
 * {@code isError: true} naming every bad field, so a model can correct its call.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class InvalidArgumentsException extends RuntimeException {

	private final List<FieldError> errors;

	/**
	 * Create an exception for the given field errors.
	 * @param errors one or more field errors
	 */
	public InvalidArgumentsException(List<FieldError> errors) {
		super(describe(errors), null, false, false);
		Assert.notEmpty(errors, "At least one field error is required");
		this.errors = List.copyOf(errors);
	}

	/**
	 * Return the field errors.
	 * @return the errors, in argument order
	 */
	public List<FieldError> getErrors() {
		return this.errors;
	}

	private static String describe(List<FieldError> errors) {
		return errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
	}

	/**
	 * One invalid argument or nested property.
	 *
	 * @param path the property path, such as {@code order.lines[0].quantity}
	 * @param message what is wrong, without echoing the value
	 */
	public record FieldError(String path, String message) {

		@Override
		public String toString() {
			return this.path + ": " + this.message;
		}

	}

}
