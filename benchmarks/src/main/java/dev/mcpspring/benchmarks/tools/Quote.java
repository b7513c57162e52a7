package dev.mcpspring.benchmarks.tools;

/**
 * Result of the {@code quote} tool.
 *
 * @param sku the article number
 * @param quantity how many
 * @param totalCents the price in cents
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record Quote(String sku, int quantity, long totalCents) {

}
