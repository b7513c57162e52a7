package dev.mcpspring.sample.rest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.mcpspring.annotation.McpExposed;
import dev.mcpspring.sample.Book;
import dev.mcpspring.sample.Catalog;
import dev.mcpspring.sample.Genre;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * An ordinary REST API over the catalog, with reviews kept in memory. The {@code rest}
 * profile offers it as MCP tools: {@code mcp.server.rest.include.paths} selects the
 * endpoints, {@code @McpExposed} names one of them, and nothing here knows about MCP
 * otherwise.
 */
@RestController
@RequestMapping("/api")
@Profile("rest")
public class BookApiController {

	private final Catalog catalog;

	private final Map<Long, Review> reviews = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	public BookApiController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/books/{isbn}")
	public Book getBook(@PathVariable String isbn) {
		return this.catalog.findByIsbn(isbn).orElseThrow(() -> notFound(isbn));
	}

	@GetMapping("/books")
	public List<Book> findBooks(@RequestParam String query, @RequestParam(required = false) Genre genre,
			@RequestParam(defaultValue = "5") @Min(1) @Max(20) int limit) {
		return this.catalog.search(query, Optional.ofNullable(genre), limit);
	}

	@GetMapping("/books/{isbn}/reviews")
	public List<Review> listReviews(@PathVariable String isbn) {
		getBook(isbn);
		return this.reviews.values().stream().filter((review) -> review.isbn().equals(isbn)).toList();
	}

	@PostMapping("/books/{isbn}/reviews")
	@ResponseStatus(HttpStatus.CREATED)
	@McpExposed(name = "add_review", description = "Adds a reader's review of a book, rated from 1 to 5 stars")
	public Review addReview(@PathVariable String isbn, @Valid @RequestBody ReviewRequest request) {
		getBook(isbn);
		Review review = new Review(this.ids.incrementAndGet(), isbn, request.reviewer(), request.rating(),
				(request.text() != null) ? request.text() : "");
		this.reviews.put(review.id(), review);
		return review;
	}

	@DeleteMapping("/reviews/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	public void deleteReview(@PathVariable long id) {
		this.reviews.remove(id);
	}

	private static ResponseStatusException notFound(String isbn) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No book with ISBN " + isbn);
	}

}
