package dev.mcpspring.method;

import java.util.List;

import dev.mcpspring.server.InvalidArgumentsException;
import org.jspecify.annotations.Nullable;

/**
 * Raised by an argument resolver for an argument whose value was bound only in part: the
 * bad fields are reported, and the rest is bound so that its constraints can still be
 * validated and every bad field reported at once.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ArgumentBindingException extends InvalidArgumentsException {

	private final transient @Nullable Object partialValue;

	/**
	 * Create an exception.
	 * @param errors the binding errors, one or more
	 * @param partialValue the value bound with the bad fields left empty ({@code null},
	 * zero or {@code false}), or {@code null} if none could be bound
	 */
	public ArgumentBindingException(List<FieldError> errors, @Nullable Object partialValue) {
		super(errors);
		this.partialValue = partialValue;
	}

	/**
	 * Return the value bound with the bad fields left empty, to validate the others.
	 * @return the partial value, or {@code null}
	 */
	public @Nullable Object getPartialValue() {
		return this.partialValue;
	}

}
