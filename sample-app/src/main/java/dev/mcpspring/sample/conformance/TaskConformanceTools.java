package dev.mcpspring.sample.conformance;

import java.time.Duration;

import dev.mcpspring.annotation.McpArg;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.annotation.TaskSupport;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.server.McpContext;
import dev.mcpspring.server.McpException;
import dev.mcpspring.server.ToolCallException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The tools the conformance suite's {@code tasks-*} scenarios call (tasks extension,
 * SEP-2663). Active in the {@code conformance} profile only.
 */
@Component
@Profile("conformance")
public class TaskConformanceTools {

	@McpTool(name = "greet", description = "Greets someone, synchronously")
	public String greet(@McpArg(description = "Who to greet") String name) {
		return "Hello, " + name + "!";
	}

	@McpTool(name = "slow_compute", description = "Computes for a number of seconds",
			taskSupport = TaskSupport.OPTIONAL)
	public Mono<String> slowCompute(@McpArg(description = "How long to compute") int seconds,
			@McpArg(description = "A label for the result", required = false) String label) {
		String result = "Computed " + label + " in " + seconds + "s";
		return (seconds <= 0) ? Mono.just(result) : Mono.delay(Duration.ofSeconds(seconds)).thenReturn(result);
	}

	@McpTool(name = "failing_job", description = "Runs a job that fails", taskSupport = TaskSupport.REQUIRED)
	public Mono<String> failingJob() {
		return Mono.delay(Duration.ofSeconds(1)).then(Mono.error(new ToolCallException("The job failed")));
	}

	@McpTool(name = "protocol_error_job", description = "Runs a job that breaks the protocol",
			taskSupport = TaskSupport.OPTIONAL)
	public Mono<String> protocolErrorJob() {
		return Mono.delay(Duration.ofMillis(200))
			.then(Mono.error(new McpException(JsonRpcErrorCodes.INTERNAL_ERROR, "The job crashed")));
	}

	@McpTool(name = "confirm_delete", description = "Deletes a file after asking the user",
			taskSupport = TaskSupport.OPTIONAL)
	public Mono<String> confirmDelete(@McpArg(description = "The file to delete") String filename, McpContext context) {
		return context.withInputKey("confirm")
			.elicit("Delete " + filename + "?", confirmSchema())
			.map((result) -> result.isAccepted() ? "Deleted " + filename : "Kept " + filename);
	}

	@McpTool(name = "multi_input", description = "Asks two questions at once", taskSupport = TaskSupport.OPTIONAL)
	public Mono<String> multiInput(McpContext context) {
		return Mono
			.zipDelayError(context.withInputKey("name").elicit("What is your name?", confirmSchema()),
					context.withInputKey("confirm").elicit("Shall we go on?", confirmSchema()))
			.map((inputs) -> "Got " + inputs.getT1().content() + " and " + inputs.getT2().content());
	}

	@McpTool(name = "test_tool_with_task", description = "Asks for a name, then works on it as a task",
			taskSupport = TaskSupport.REQUIRED, inputsBeforeTask = "user_name")
	public Mono<String> toolWithTask(McpContext context) {
		return context.withInputKey("user_name")
			.elicit("What is your name?", confirmSchema())
			.map((result) -> "Hello, " + result.content().path("name").asString("stranger") + ", from a task");
	}

	private static ObjectNode confirmSchema() {
		ObjectNode schema = JsonNodeFactory.instance.objectNode();
		schema.put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		properties.putObject("name").put("type", "string");
		properties.putObject("confirm").put("type", "boolean");
		return schema;
	}

}
