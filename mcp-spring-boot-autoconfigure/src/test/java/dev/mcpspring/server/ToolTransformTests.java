package dev.mcpspring.server;

import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.Content;
import dev.mcpspring.model.TextContent;
import dev.mcpspring.model.Tool;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ToolTransform}.
 *
 * @author MCP Spring Boot team
 */
class ToolTransformTests {

	private static final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final ToolHandler search = tool();

	@Test
	void derivedSchemaShowsRenamedArgumentsAndHidesFixedOnes() {
		ToolHandler derived = ToolTransform.of(this.search)
			.name("find_books")
			.description("Finds books")
			.renameArgument("q", "query")
			.hideArgument("limit", JsonNodeFactory.instance.numberNode(20))
			.build();
		Tool tool = derived.getTool();
		assertThat(tool.name()).isEqualTo("find_books");
		assertThat(tool.description()).isEqualTo("Finds books");
		assertThat(tool.inputSchema().path("properties").propertyNames()).containsExactly("query", "lang");
		assertThat(tool.inputSchema().path("required").toString()).isEqualTo("[\"query\"]");
		assertThat(this.search.getTool().inputSchema().path("properties").propertyNames()).as("original untouched")
			.containsExactly("q", "limit", "lang");
	}

	@Test
	void callReachesTheOriginalWithItsNamesAndTheFixedValueWhateverTheClientSends() {
		ToolHandler derived = ToolTransform.of(this.search)
			.name("find_books")
			.renameArgument("q", "query")
			.hideArgument("limit", JsonNodeFactory.instance.numberNode(20))
			.build();
		ObjectNode arguments = JsonNodeFactory.instance.objectNode()
			.put("query", "dune")
			.put("limit", 100000)
			.put("q", "sneaky")
			.put("lang", "en");
		assertThat(text(derived.call(call("find_books", arguments)).block()))
			.isEqualTo("search {\"q\":\"dune\",\"lang\":\"en\",\"limit\":20}");
	}

	@Test
	void adviceRunsAroundTheOriginal() {
		ToolHandler derived = ToolTransform.of(this.search)
			.around((call, original) -> call.arguments().path("q").asString().isEmpty()
					? Mono.just(CallToolResult.error("q is required"))
					: original.call(call).map((result) -> CallToolResult.of(Content.text("audited " + text(result)))))
			.build();
		assertThat(text(derived.call(call("search", JsonNodeFactory.instance.objectNode().put("q", "x"))).block()))
			.startsWith("audited search");
		assertThat(derived.call(call("search", JsonNodeFactory.instance.objectNode())).block().isError()).isTrue();
	}

	@Test
	void unknownOrCollidingArgumentsAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ToolTransform.of(this.search).renameArgument("nope", "x").build());
		assertThatIllegalArgumentException().isThrownBy(
				() -> ToolTransform.of(this.search).hideArgument("nope", JsonNodeFactory.instance.nullNode()).build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ToolTransform.of(this.search).renameArgument("q", "lang").build());
	}

	private static ToolCall call(String name, ObjectNode arguments) {
		JsonRpcRequest message = new JsonRpcRequest(JsonNodeFactory.instance.numberNode(1), "tools/call",
				JsonNodeFactory.instance.objectNode());
		return new ToolCall(name, arguments, new McpRequest(message, null, "2025-11-25"));
	}

	private static String text(CallToolResult result) {
		return ((TextContent) result.content().get(0)).text();
	}

	private static ToolHandler tool() {
		ObjectNode schema = jsonMapper.readValue("""
				{"type":"object","properties":{"q":{"type":"string"},"limit":{"type":"integer"},
				"lang":{"type":"string"}},"required":["q","limit"]}""", ObjectNode.class);
		Tool tool = new Tool("search", null, "Searches", schema, null, null, null, null, null);
		return new ToolHandler() {

			@Override
			public Tool getTool() {
				return tool;
			}

			@Override
			public Mono<CallToolResult> call(ToolCall call) {
				return Mono.just(CallToolResult.of(Content.text(call.name() + " " + call.arguments())));
			}

		};
	}

}
