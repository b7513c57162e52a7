package dev.mcpspring.sample;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.mcpspring.annotation.McpArg;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.annotation.NonBlocking;
import dev.mcpspring.model.Content;
import dev.mcpspring.model.ImageContent;
import dev.mcpspring.server.ToolCallException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import javax.imageio.ImageIO;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * Tools to explore the catalog. A {@code @Validated} bean, so it is served through a
 * CGLIB proxy.
 */
@Component
@Profile("!conformance")
@Validated
public class CatalogTools {

	private final Catalog catalog;

	public CatalogTools(Catalog catalog) {
		this.catalog = catalog;
	}

	@McpTool(description = "Echo a message back, to check the connection", readOnlyHint = true, destructiveHint = false,
			idempotentHint = true, openWorldHint = false)
	@NonBlocking
	public String echo(@McpArg(description = "Text to echo back") String message) {
		return message;
	}

	@McpTool(description = "Add two integers", readOnlyHint = true, destructiveHint = false, idempotentHint = true,
			openWorldHint = false)
	@NonBlocking
	public int add(int a, int b) {
		return a + b;
	}

	@McpTool(name = "search_books", title = "Search books",
			description = "Find books whose title or author contains the query, sorted by title", readOnlyHint = true,
			destructiveHint = false, idempotentHint = true, openWorldHint = false)
	public List<Book> searchBooks(@McpArg(description = "Part of a title or author name") String query,
			@McpArg(description = "Only books of this genre") Optional<Genre> genre,
			@McpArg(description = "Maximum number of books", defaultValue = "5") @Min(1) @Max(20) int limit) {
		return this.catalog.search(query, genre, limit);
	}

	@McpTool(description = "Recommend a classic: the oldest book of a genre", readOnlyHint = true,
			destructiveHint = false, idempotentHint = true, openWorldHint = false)
	public CompletableFuture<String> recommend(Genre genre) {
		return CompletableFuture.supplyAsync(() -> this.catalog.oldest(genre)
			.map((book) -> "Try " + book.title() + " by " + book.author())
			.orElseThrow(() -> new ToolCallException("No book in genre " + genre)));
	}

	@McpTool(name = "book_cover", description = "Render the cover of a book as a PNG image", readOnlyHint = true,
			destructiveHint = false, idempotentHint = true, openWorldHint = false)
	public ImageContent bookCover(String isbn) {
		Book book = this.catalog.findByIsbn(isbn).orElseThrow(() -> new ToolCallException("No book with ISBN " + isbn));
		return Content.image(renderCover(book), "image/png");
	}

	private static byte[] renderCover(Book book) {
		BufferedImage image = new BufferedImage(60, 90, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(book.genre().ordinal() * 60, 90, 160));
		graphics.fillRect(0, 0, 60, 90);
		graphics.dispose();
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
