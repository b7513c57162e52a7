package dev.mcpspring.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Result of {@code completion/complete}.
 *
 * @param completion the suggested values
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record CompleteResult(Completion completion) {

	/**
	 * The maximum number of values a result may carry.
	 */
	public static final int MAX_VALUES = 100;

	/**
	 * Create a result from candidate values, keeping at most {@link #MAX_VALUES}.
	 * @param values the candidates
	 * @return the result
	 */
	public static CompleteResult of(List<String> values) {
		List<String> page = (values.size() > MAX_VALUES) ? values.subList(0, MAX_VALUES) : values;
		return new CompleteResult(new Completion(List.copyOf(page), values.size(), values.size() > MAX_VALUES));
	}

	/**
	 * Suggested values for an argument.
	 *
	 * @param values at most 100 values
	 * @param total the number of values available, or {@code null}
	 * @param hasMore whether more values exist than were sent
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Completion(List<String> values, @Nullable Integer total, @Nullable Boolean hasMore) {

	}

}
