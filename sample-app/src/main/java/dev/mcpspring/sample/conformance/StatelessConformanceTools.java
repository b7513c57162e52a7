package dev.mcpspring.sample.conformance;

import java.util.List;

import dev.mcpspring.annotation.McpPrompt;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.Content;
import dev.mcpspring.model.CreateMessageResult;
import dev.mcpspring.model.ElicitResult;
import dev.mcpspring.model.GetPromptResult;
import dev.mcpspring.model.Prompt;
import dev.mcpspring.model.PromptMessage;
import dev.mcpspring.model.Root;
import dev.mcpspring.model.Tool;
import dev.mcpspring.server.McpContext;
import dev.mcpspring.server.PromptHandler;
import dev.mcpspring.server.PromptRegistry;
import dev.mcpspring.server.ToolHandler;
import dev.mcpspring.server.ToolRegistry;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The tools the conformance suite calls on the stateless revision 2026-07-28: multi
 * round-trip input, capability checks, logging and list-change triggers. Active in the
 * {@code conformance} profile only.
 */
@Component
@Profile("conformance")
public class StatelessConformanceTools {

	private final ToolRegistry tools;

	private final PromptRegistry prompts;

	public StatelessConformanceTools(ToolRegistry tools, PromptRegistry prompts) {
		this.tools = tools;
		this.prompts = prompts;
	}

	@McpTool(name = "test_missing_capability", description = "Needs the client's sampling capability")
	public Mono<String> missingCapability(McpContext context) {
		return context.sample("Say hello", 10).map(CreateMessageResult::text);
	}

	@McpTool(name = "test_streaming_elicitation", description = "Asks the user a question")
	public Mono<String> streamingElicitation(McpContext context) {
		return context.elicit("What is your name?", nameSchema()).map(StatelessConformanceTools::describe);
	}

	@McpTool(name = "test_header_echo", description = "Echoes a value mirrored in the Mcp-Param-Value header")
	public String headerEcho(
			@dev.mcpspring.annotation.McpArg(description = "Any text", header = "Value") String value) {
		return value;
	}

	@McpTool(name = "test_logging_tool", description = "Logs when the request asks for a log level")
	public String loggingTool(McpContext context) {
		context.info("Logging tool ran");
		return "Logged";
	}

	@McpTool(name = "test_trigger_tool_change", description = "Adds or removes a tool")
	public String triggerToolChange() {
		if (!this.tools.remove(DynamicTool.NAME)) {
			this.tools.register(new DynamicTool());
		}
		return "Tool list changed";
	}

	@McpTool(name = "test_trigger_prompt_change", description = "Adds or removes a prompt")
	public String triggerPromptChange() {
		if (!this.prompts.remove(DynamicPrompt.NAME)) {
			this.prompts.register(new DynamicPrompt());
		}
		return "Prompt list changed";
	}

	@McpTool(name = "test_input_required_result_elicitation", description = "Asks for the user's name")
	public Mono<String> inputElicitation(McpContext context) {
		return context.withInputKey("user_name")
			.elicit("What is your name?", nameSchema())
			.map((result) -> "Hello, " + result.content().path("name").asString("stranger"));
	}

	@McpTool(name = "test_input_required_result_sampling", description = "Asks the client's model a question")
	public Mono<String> inputSampling(McpContext context) {
		return context.withInputKey("sample_request")
			.sample("What is the capital of France?", 100)
			.map((result) -> "The model said: " + result.text());
	}

	@McpTool(name = "test_input_required_result_list_roots", description = "Lists the client's roots")
	public Mono<String> inputListRoots(McpContext context) {
		return context.withInputKey("roots_request")
			.listRoots()
			.map((roots) -> "Roots: " + roots.stream().map(Root::uri).toList());
	}

	@McpTool(name = "test_input_required_result_request_state", description = "Keeps state across rounds")
	public Mono<String> inputRequestState(McpContext context) {
		return context.withInputKey("confirm").elicit("Confirm to continue", nameSchema()).map((result) -> "state-ok");
	}

	@McpTool(name = "test_input_required_result_multiple_inputs", description = "Needs three inputs at once")
	public Mono<String> inputMultiple(McpContext context) {
		return Mono
			.zipDelayError(context.withInputKey("user_name").elicit("What is your name?", nameSchema()),
					context.withInputKey("sample_request").sample("What is the capital of France?", 100),
					context.withInputKey("roots_request").listRoots())
			.map((inputs) -> "Got " + describe(inputs.getT1()) + ", " + inputs.getT2().text() + ", "
					+ inputs.getT3().size() + " roots");
	}

	@McpTool(name = "test_input_required_result_multi_round", description = "Asks twice, one question at a time")
	public Mono<String> inputMultiRound(McpContext context) {
		return context.withInputKey("step_1")
			.elicit("What is your name?", nameSchema())
			.flatMap((first) -> context.withInputKey("step_2")
				.elicit("What is your favourite colour?", nameSchema())
				.map((second) -> "Done: " + describe(first) + " then " + describe(second)));
	}

	@McpTool(name = "test_input_required_result_tampered_state", description = "Rejects a forged request state")
	public Mono<String> inputTamperedState(McpContext context) {
		return inputElicitation(context);
	}

	@McpTool(name = "test_input_required_result_capabilities",
			description = "Asks only for what the client declared it supports")
	public Mono<String> inputCapabilities(McpContext context) {
		JsonNode capabilities = context.getClientCapabilities();
		if (capabilities != null && capabilities.has("elicitation")) {
			return inputElicitation(context);
		}
		return inputSampling(context);
	}

	@McpPrompt(name = "test_input_required_result_prompt", description = "Asks for context before rendering")
	public Mono<String> inputPrompt(McpContext context) {
		return context.withInputKey("user_context")
			.elicit("What are you working on?", nameSchema())
			.map((result) -> "Help me with: " + describe(result));
	}

	private static String describe(ElicitResult<JsonNode> result) {
		return result.action().name().toLowerCase(java.util.Locale.ROOT) + " " + result.content();
	}

	private static ObjectNode nameSchema() {
		ObjectNode schema = JsonNodeFactory.instance.objectNode();
		schema.put("type", "object");
		schema.putObject("properties").putObject("name").put("type", "string");
		schema.putArray("required").add("name");
		return schema;
	}

	private static final class DynamicTool implements ToolHandler {

		static final String NAME = "test_dynamic_tool";

		@Override
		public Tool getTool() {
			ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
			return new Tool(NAME, null, "Added at runtime", schema, null, null, null, null);
		}

		@Override
		public Mono<CallToolResult> call(dev.mcpspring.server.ToolCall call) {
			return Mono.just(CallToolResult.of(Content.text("dynamic")));
		}

	}

	private static final class DynamicPrompt implements PromptHandler {

		static final String NAME = "test_dynamic_prompt";

		@Override
		public Prompt getPrompt() {
			return new Prompt(NAME, null, "Added at runtime", List.of(), null, null);
		}

		@Override
		public Mono<GetPromptResult> get(dev.mcpspring.server.PromptGet invocation) {
			return Mono.just(new GetPromptResult(null, List.of(PromptMessage.user("dynamic"))));
		}

	}

}
