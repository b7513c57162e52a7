package dev.mcpspring.sample;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

/**
 * An order placed by a customer.
 *
 * @param customerEmail where the confirmation goes
 * @param lines the books ordered
 */
public record OrderRequest(
		@NotBlank @Email @JsonPropertyDescription("Email address for the confirmation") String customerEmail,
		@NotEmpty @Valid List<OrderLine> lines) {

	/**
	 * One line of an order.
	 *
	 * @param isbn the 13-digit ISBN of the book
	 * @param quantity how many copies
	 */
	public record OrderLine(@NotBlank @jakarta.validation.constraints.Pattern(regexp = "\\d{13}") String isbn,
			@jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(10) int quantity) {

	}

}
