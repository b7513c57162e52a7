package dev.mcpspring.test.app;

import org.springframework.stereotype.Component;

/**
 * A plain bean the tools need: an {@code @McpServerTest} leaves it out unless imported.
 */
@Component
public class Greeter {

	public String greet(String name) {
		return "Hello, " + name + "!";
	}

}
