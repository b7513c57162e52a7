package dev.mcpspring.sample;

import java.util.List;

import dev.mcpspring.annotation.McpArg;
import dev.mcpspring.annotation.McpComplete;
import dev.mcpspring.annotation.McpPrompt;
import dev.mcpspring.annotation.McpResource;
import dev.mcpspring.model.PromptMessage;
import dev.mcpspring.server.McpException;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The catalog as resources, and a prompt that drafts a recommendation.
 */
@Component
@Profile("!conformance")
public class CatalogResources {

	private final Catalog catalog;

	public CatalogResources(Catalog catalog) {
		this.catalog = catalog;
	}

	@McpResource(uri = "bookshop://catalog", name = "catalog", title = "Catalog", description = "Every book on sale",
			mimeType = "application/json")
	public List<Book> catalog() {
		return this.catalog.search("", java.util.Optional.empty(), Integer.MAX_VALUE);
	}

	@McpResource(uri = "bookshop://books/{isbn}", name = "book", title = "Book",
			description = "One book by its 13-digit ISBN", mimeType = "application/json")
	public Book book(@McpArg(description = "13-digit ISBN") String isbn) {
		return this.catalog.findByIsbn(isbn)
			.orElseThrow(() -> McpException.resourceNotFound("bookshop://books/" + isbn));
	}

	@McpComplete(resource = "bookshop://books/{isbn}")
	public List<String> completeIsbn(String value) {
		return catalog().stream().map(Book::isbn).filter((isbn) -> isbn.startsWith(value)).toList();
	}

	@McpPrompt(name = "recommend_books", title = "Recommend books",
			description = "Draft a friendly recommendation of books of one genre")
	public List<PromptMessage> recommendBooks(@McpArg(description = "Genre to recommend") Genre genre,
			@McpArg(description = "Who the recommendation is for", required = false) String reader) {
		String audience = (reader != null) ? reader : "a curious reader";
		String titles = this.catalog.search("", java.util.Optional.of(genre), 5)
			.stream()
			.map((book) -> book.title() + " by " + book.author())
			.toList()
			.toString();
		return List.of(PromptMessage.user("Write a short, friendly recommendation for " + audience + " of these "
				+ genre.name().toLowerCase(java.util.Locale.ROOT) + " books: " + titles));
	}

	@McpComplete(prompt = "recommend_books")
	public List<String> completeGenre(String argument, String value) {
		if (!"genre".equals(argument)) {
			return List.of();
		}
		return java.util.Arrays.stream(Genre.values())
			.map(Genre::name)
			.filter((name) -> name.startsWith(value.toUpperCase(java.util.Locale.ROOT)))
			.toList();
	}

}
