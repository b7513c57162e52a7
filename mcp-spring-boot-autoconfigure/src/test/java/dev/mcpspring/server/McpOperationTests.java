package dev.mcpspring.server;

import dev.mcpspring.jsonrpc.JsonRpcRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpOperation}, the typed view of a request.
 *
 * @author MCP Spring Boot team
 */
class McpOperationTests {

	private final JsonMapper jsonMapper = new JsonMapper();

	@Test
	void toolCallNamesTheToolAndItsArguments() {
		McpOperation operation = operation("tools/call", "{\"name\":\"search\",\"arguments\":{\"q\":\"mcp\"}}");
		assertThat(operation.kind()).isEqualTo(McpOperation.Kind.TOOL);
		assertThat(operation.name()).isEqualTo("search");
		assertThat(operation.arguments()).hasToString("{\"q\":\"mcp\"}");
		assertThat(operation.isToolCall("search")).isTrue();
	}

	@Test
	void promptGetNamesThePrompt() {
		McpOperation operation = operation("prompts/get", "{\"name\":\"greet\",\"arguments\":{\"who\":\"Ada\"}}");
		assertThat(operation.kind()).isEqualTo(McpOperation.Kind.PROMPT);
		assertThat(operation.name()).isEqualTo("greet");
		assertThat(operation.arguments()).hasToString("{\"who\":\"Ada\"}");
	}

	@Test
	void resourceReadNamesTheUri() {
		McpOperation operation = operation("resources/read", "{\"uri\":\"memo://note\"}");
		assertThat(operation.kind()).isEqualTo(McpOperation.Kind.RESOURCE);
		assertThat(operation.name()).isEqualTo("memo://note");
		assertThat(operation.arguments()).isNull();
	}

	@Test
	void malformedNamesAndArgumentsAreLeftOut() {
		McpOperation operation = operation("tools/call", "{\"name\":42,\"arguments\":[1]}");
		assertThat(operation.kind()).isEqualTo(McpOperation.Kind.TOOL);
		assertThat(operation.name()).isNull();
		assertThat(operation.arguments()).isNull();
		assertThat(operation.isToolCall("42")).isFalse();
	}

	@Test
	void otherMethodsNameNothing() {
		assertThat(operation("tools/list", "{\"cursor\":\"x\"}")).isSameAs(McpOperation.OTHER);
	}

	@Test
	void requestsKeepTheirOperationWhenCopied() {
		ObjectNode params = (ObjectNode) this.jsonMapper.readTree("{\"name\":\"search\"}");
		McpRequest request = new McpRequest(new JsonRpcRequest(IntNode.valueOf(1), "tools/call", params), null,
				"2025-11-25");
		assertThat(request.withChannel(McpClientChannel.discard()).operation()).isSameAs(request.operation());
	}

	private McpOperation operation(String method, String params) {
		return McpOperation.of(method, (ObjectNode) this.jsonMapper.readTree(params));
	}

}
