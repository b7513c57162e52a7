package dev.mcpspring.test.app;

/**
 * A structured tool result.
 *
 * @param text the greeting
 * @param length its length
 */
public record Greeting(String text, int length) {

}
