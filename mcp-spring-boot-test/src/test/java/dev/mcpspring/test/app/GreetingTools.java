package dev.mcpspring.test.app;

import java.util.List;

import dev.mcpspring.annotation.McpArg;
import dev.mcpspring.annotation.McpComplete;
import dev.mcpspring.annotation.McpPrompt;
import dev.mcpspring.annotation.McpResource;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.model.PromptMessage;
import dev.mcpspring.model.Root;
import dev.mcpspring.server.McpContext;
import dev.mcpspring.server.ToolCallException;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Every kind of feature, for the tests of {@code McpTestClient}.
 */
@Component
public class GreetingTools {

	/**
	 * Text the tools must never show a client.
	 */
	public static final String SECRET = "jdbc:postgresql://db/shop?password=hunter2";

	private final Greeter greeter;

	public GreetingTools(Greeter greeter) {
		this.greeter = greeter;
	}

	@McpTool(description = "Echo a text back")
	public String echo(@McpArg(description = "Text to echo") String text) {
		return text;
	}

	@McpTool(description = "Greet someone, as structured content")
	public Greeting greet(String name) {
		String text = this.greeter.greet(name);
		return new Greeting(text, text.length());
	}

	@McpTool(description = "Refuse, as a tool error")
	public String refuse() {
		throw new ToolCallException("Not today");
	}

	@McpTool(description = "Fail unexpectedly, with a secret in the exception message")
	public String leak() {
		throw new IllegalStateException("Cannot connect to " + SECRET);
	}

	@McpTool(description = "Count to three, reporting progress and logging")
	public String count(McpContext context) {
		for (int i = 1; i <= 3; i++) {
			context.progress(i, 3.0, "step " + i);
		}
		context.info("counted to three");
		return "done";
	}

	@McpTool(description = "Ask the user's name, then greet them")
	public Mono<String> welcome(McpContext context) {
		return context.withInputKey("user_name")
			.elicit("What is your name?", Person.class)
			.map((answer) -> answer.isAccepted() ? this.greeter.greet(answer.content().name()) : "Bye");
	}

	@McpTool(description = "Ask the model for a haiku")
	public Mono<String> haiku(McpContext context) {
		return context.sample("Write a haiku", 50).map((result) -> "Haiku: " + result.text());
	}

	@McpTool(description = "List the client's roots")
	public Mono<String> roots(McpContext context) {
		return context.listRoots().map((roots) -> roots.stream().map(Root::uri).toList().toString());
	}

	@McpResource(uri = "greetings://{language}", description = "The greeting of a language")
	public String greeting(String language) {
		return "fr".equals(language) ? "Bonjour" : "Hello";
	}

	@McpPrompt(description = "Ask for a greeting")
	public List<PromptMessage> salute(String name) {
		return List.of(PromptMessage.user("Greet " + name));
	}

	@McpComplete(prompt = "salute")
	public List<String> completeName(String argument, String value) {
		return List.of("Ada", "Alan").stream().filter((name) -> name.startsWith(value)).toList();
	}

}
