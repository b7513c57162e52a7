package dev.mcpspring.jsonrpc;

/**
 * A JSON-RPC 2.0 message: a request, a notification or a response.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href="https://www.jsonrpc.org/specification">JSON-RPC 2.0</a>
 */
public sealed interface JsonRpcMessage permits JsonRpcRequest, JsonRpcNotification, JsonRpcResponse {

	/**
	 * Value of the {@code jsonrpc} member of every message.
	 */
	String VERSION = "2.0";

}
