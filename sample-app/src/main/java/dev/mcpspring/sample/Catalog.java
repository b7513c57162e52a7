package dev.mcpspring.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The books on sale, kept in memory for the demo.
 */
@Component
public class Catalog {

	private final List<Book> books = List.of(
			book("9780441013593", "Dune", "Frank Herbert", Genre.FICTION, "9.99", "1965-08-01"),
			book("9780547928227", "The Hobbit", "J.R.R. Tolkien", Genre.FICTION, "14.99", "1937-09-21"),
			book("9780553380163", "A Brief History of Time", "Stephen Hawking", Genre.SCIENCE, "18.00", "1988-04-01"),
			book("9780393609394", "Astrophysics for People in a Hurry", "Neil deGrasse Tyson", Genre.SCIENCE, "12.95",
					"2017-05-02"),
			book("9780140449136", "The Histories", "Herodotus", Genre.HISTORY, "16.00", "1996-01-01"),
			book("9780064400558", "Charlotte's Web", "E. B. White", Genre.CHILDREN, "8.99", "1952-10-15"));

	public List<Book> search(String query, Optional<Genre> genre, int limit) {
		String needle = query.toLowerCase(Locale.ROOT);
		return this.books.stream()
			.filter((book) -> book.title().toLowerCase(Locale.ROOT).contains(needle)
					|| book.author().toLowerCase(Locale.ROOT).contains(needle))
			.filter((book) -> genre.map(book.genre()::equals).orElse(true))
			.sorted(Comparator.comparing(Book::title))
			.limit(limit)
			.toList();
	}

	public Optional<Book> findByIsbn(String isbn) {
		return this.books.stream().filter((book) -> book.isbn().equals(isbn)).findFirst();
	}

	public Optional<Book> oldest(Genre genre) {
		return this.books.stream().filter((book) -> book.genre() == genre).min(Comparator.comparing(Book::published));
	}

	private static Book book(String isbn, String title, String author, Genre genre, String price, String published) {
		return new Book(isbn, title, author, genre, new BigDecimal(price), LocalDate.parse(published));
	}

}
