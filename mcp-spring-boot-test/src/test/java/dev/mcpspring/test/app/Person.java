package dev.mcpspring.test.app;

/**
 * The form of an elicitation.
 *
 * @param name the user's name
 */
public record Person(String name) {

}
