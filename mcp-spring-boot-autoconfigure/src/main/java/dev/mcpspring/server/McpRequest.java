package dev.mcpspring.server;

import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.server.session.McpSession;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON-RPC request together with what the transport knows about it.
 *
 * @param message the decoded request
 * @param session the session it belongs to, or {@code null} before initialization
 * @param protocolVersion the protocol revision it is served under
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record McpRequest(JsonRpcRequest message, @Nullable McpSession session, String protocolVersion) {

	/**
	 * Return the method name.
	 * @return the method
	 */
	public String method() {
		return this.message.method();
	}

	/**
	 * Return the request parameters.
	 * @return the parameters, or {@code null} when absent
	 */
	public @Nullable ObjectNode params() {
		return this.message.params();
	}

}
