package dev.mcpspring.sample;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A book of the catalog.
 *
 * @param isbn the 13-digit ISBN
 * @param title the title
 * @param author the author
 * @param genre the shelf
 * @param price the price in EUR
 * @param published the publication date
 */
public record Book(String isbn, String title, String author, Genre genre, BigDecimal price, LocalDate published) {

}
