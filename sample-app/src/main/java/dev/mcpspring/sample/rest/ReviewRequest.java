package dev.mcpspring.sample.rest;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A review to add to a book.
 *
 * @param reviewer who writes it
 * @param rating from 1 to 5 stars
 * @param text what the reader thought
 */
public record ReviewRequest(@NotBlank @Size(max = 40) @JsonPropertyDescription("Name of the reader") String reviewer,
		@Min(1) @Max(5) @JsonPropertyDescription("Stars, from 1 to 5") int rating, @Size(max = 500) String text) {

}
