package dev.mcpspring.benchmarks.tools;

import dev.mcpspring.annotation.McpArg;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.annotation.NonBlocking;

import org.springframework.stereotype.Component;

/**
 * The tools of every benchmarked server. The Spring AI and TypeScript SDK servers in
 * {@code benchmarks/load} expose the same {@code echo}, {@code add} and {@code text10k}.
 * They only compute, so they are marked {@link NonBlocking} and run on the event loop;
 * {@code echoOnWorker} is {@code echo} as an unmarked method, run on a worker thread.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@Component
public class BenchmarkTools {

	/**
	 * Length of the {@code text10k} result.
	 */
	public static final int TEXT_LENGTH = 10 * 1024;

	private static final String TEXT = text();

	@McpTool(description = "Echo a message back", readOnlyHint = true)
	@NonBlocking
	public String echo(@McpArg(description = "Text to echo back") String message) {
		return message;
	}

	@McpTool(description = "Echo a message back, on a worker thread", readOnlyHint = true)
	public String echoOnWorker(@McpArg(description = "Text to echo back") String message) {
		return message;
	}

	@McpTool(description = "Add two integers", readOnlyHint = true)
	@NonBlocking
	public int add(int a, int b) {
		return a + b;
	}

	@McpTool(description = "Return 10 KB of text", readOnlyHint = true)
	@NonBlocking
	public String text10k() {
		return TEXT;
	}

	@McpTool(description = "Price a quantity of an article", readOnlyHint = true)
	@NonBlocking
	public Quote quote(@McpArg(description = "What to price") QuoteRequest request) {
		return new Quote(request.sku(), request.quantity(), request.quantity() * 250L);
	}

	private static String text() {
		StringBuilder text = new StringBuilder(TEXT_LENGTH);
		String line = "The quick brown fox jumps over the lazy dog. ";
		while (text.length() < TEXT_LENGTH) {
			text.append(line);
		}
		text.setLength(TEXT_LENGTH - 3);
		return text.append("END").toString();
	}

}
