package dev.mcpspring.benchmarks.tools;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Input of the {@code quote} tool, with Jakarta constraints checked before the method
 * runs.
 *
 * @param sku the article number
 * @param quantity how many
 * @param customerEmail where the quote goes
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record QuoteRequest(@NotBlank @Pattern(regexp = "[A-Z]{3}-\\d{4}") String sku, @Min(1) @Max(100) int quantity,
		@NotBlank @Email String customerEmail) {

}
