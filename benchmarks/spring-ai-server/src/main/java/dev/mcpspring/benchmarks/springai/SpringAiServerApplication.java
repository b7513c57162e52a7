package dev.mcpspring.benchmarks.springai;

import org.springframework.ai.mcp.annotation.McpTool;
import org.springframework.ai.mcp.annotation.McpToolParam;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

/**
 * Spring AI's MCP server (WebFlux starter) with the tools of our benchmark server:
 * {@code echo}, {@code add} and {@code text10k}. Choose the mode with
 * {@code --spring.ai.mcp.server.protocol=STATELESS} or {@code STREAMABLE} (the default).
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@SpringBootApplication
public class SpringAiServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(SpringAiServerApplication.class, args);
	}

	/**
	 * The tools, with Spring AI's annotations.
	 */
	@Component
	public static class Tools {

		private static final String TEXT = text();

		@McpTool(description = "Echo a message back")
		public String echo(@McpToolParam(description = "Text to echo back", required = true) String message) {
			return message;
		}

		@McpTool(description = "Add two integers")
		public int add(@McpToolParam(required = true) int a, @McpToolParam(required = true) int b) {
			return a + b;
		}

		@McpTool(description = "Return 10 KB of text")
		public String text10k() {
			return TEXT;
		}

		// the same text as dev.mcpspring.benchmarks.tools.BenchmarkTools
		private static String text() {
			StringBuilder text = new StringBuilder(10 * 1024);
			String line = "The quick brown fox jumps over the lazy dog. ";
			while (text.length() < 10 * 1024) {
				text.append(line);
			}
			text.setLength(10 * 1024 - 3);
			return text.append("END").toString();
		}

	}

}
