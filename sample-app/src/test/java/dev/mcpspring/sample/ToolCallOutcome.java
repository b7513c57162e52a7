package dev.mcpspring.sample;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What an MCP client saw for one {@code tools/call}: either the {@code CallToolResult}
 * (as JSON) or the JSON-RPC error.
 *
 * @param result the tool result, or {@code null} when the call failed with a JSON-RPC
 * error
 * @param errorCode the JSON-RPC error code, or {@code null}
 * @param errorMessage the JSON-RPC error message, or {@code null}
 * @param trace what was exchanged, shown when an assertion fails
 */
record ToolCallOutcome(@Nullable JsonNode result, @Nullable Integer errorCode, @Nullable String errorMessage,
		String trace) {

	static ToolCallOutcome result(JsonNode result, String trace) {
		return new ToolCallOutcome(result, null, null, trace);
	}

	static ToolCallOutcome error(int code, String message, String trace) {
		return new ToolCallOutcome(null, code, message, trace);
	}

	@Override
	public String toString() {
		return this.trace;
	}

}
