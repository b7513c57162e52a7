package dev.mcpspring.sample;

/**
 * Shelf a book is sold from.
 */
public enum Genre {

	FICTION, SCIENCE, HISTORY, CHILDREN

}
