package dev.mcpspring.server;

import dev.mcpspring.jsonrpc.JsonRpcMessage;

/**
 * Where the engine sends messages to the client while it serves one request: progress,
 * log messages and server-to-client requests. Transports stream them ahead of the
 * response, on the request's own SSE stream when they can.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface McpClientChannel {

	/**
	 * Send a notification or request to the client.
	 * @param message the message
	 */
	void send(JsonRpcMessage message);

	/**
	 * A channel that drops every message, for requests that cannot carry any.
	 * @return the channel
	 */
	static McpClientChannel discard() {
		return (message) -> {
		};
	}

}
