package dev.mcpspring.server;

import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.jsonrpc.JsonRpcNotification;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import org.jspecify.annotations.Nullable;

/**
 * A message on its way to the client other than the response to its request: a
 * notification (progress, log message, list changed, resource updated) or a request of
 * the server (sampling, elicitation, roots).
 *
 * @param message the message
 * @param sessionId the session it goes to, or {@code null} without one
 * @param servedRequest the client request being served when the message was sent, or
 * {@code null} for a message of a session or {@code subscriptions/listen} stream
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record McpOutboundMessage(JsonRpcMessage message, @Nullable String sessionId,
		@Nullable JsonRpcRequest servedRequest) {

	/**
	 * Return the method of the notification or request.
	 * @return the method, or {@code null} for a response
	 */
	public @Nullable String method() {
		if (this.message instanceof JsonRpcNotification notification) {
			return notification.method();
		}
		return (this.message instanceof JsonRpcRequest request) ? request.method() : null;
	}

	/**
	 * Return a copy carrying another message, for an interceptor that changes it.
	 * @param message the new message
	 * @return the new outbound message
	 */
	public McpOutboundMessage withMessage(JsonRpcMessage message) {
		return new McpOutboundMessage(message, this.sessionId, this.servedRequest);
	}

}
