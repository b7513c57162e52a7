package dev.mcpspring.sample.rest;

/**
 * A reader's review of a book.
 *
 * @param id the review number
 * @param isbn the book reviewed
 * @param reviewer who wrote it
 * @param rating from 1 to 5 stars
 * @param text what the reader thought, may be empty
 */
public record Review(long id, String isbn, String reviewer, int rating, String text) {

}
