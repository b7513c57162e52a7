package dev.mcpspring.observation;

import java.util.function.Function;

import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.Tool;
import dev.mcpspring.server.ToolCall;
import dev.mcpspring.server.ToolHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Tool handlers for tests.
 */
final class TestTools {

	private TestTools() {
	}

	static ToolHandler tool(String name, Function<ToolCall, CallToolResult> body) {
		Tool tool = new Tool(name, null, "Test tool " + name,
				JsonNodeFactory.instance.objectNode().put("type", "object"), null, null, null, null);
		return new ToolHandler() {

			@Override
			public Tool getTool() {
				return tool;
			}

			@Override
			public Mono<CallToolResult> call(ToolCall call) {
				return Mono.fromSupplier(() -> body.apply(call));
			}

		};
	}

}
