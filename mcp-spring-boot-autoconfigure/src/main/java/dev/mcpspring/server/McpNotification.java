package dev.mcpspring.server;

import java.security.Principal;

import dev.mcpspring.jsonrpc.JsonRpcNotification;
import dev.mcpspring.server.session.McpSession;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A notification from the client, such as {@code notifications/initialized},
 * {@code notifications/cancelled} or {@code notifications/roots/list_changed}, together
 * with what the transport knows about it.
 *
 * @param message the decoded notification
 * @param session the session it belongs to, or {@code null} without one
 * @param protocolVersion the protocol revision it is served under
 * @param principal the authenticated caller, or {@code null}
 * @param headers the HTTP headers exposed to handlers, {@link RequestHeaders#EMPTY}
 * without HTTP
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record McpNotification(JsonRpcNotification message, @Nullable McpSession session, String protocolVersion,
		@Nullable Principal principal, RequestHeaders headers) {

	/**
	 * Return the method name.
	 * @return the method
	 */
	public String method() {
		return this.message.method();
	}

	/**
	 * Return the notification parameters.
	 * @return the parameters, or {@code null} when absent
	 */
	public @Nullable ObjectNode params() {
		return this.message.params();
	}

	/**
	 * Return the session id.
	 * @return the id, or {@code null} without a session
	 */
	public @Nullable String sessionId() {
		return (this.session != null) ? this.session.getId() : null;
	}

}
