package dev.mcpspring.server;

import java.security.Principal;

import dev.mcpspring.jsonrpc.JsonRpcResponse;
import dev.mcpspring.server.session.McpSession;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The response of a client to a request of the server (sampling, elicitation, roots),
 * together with what the transport knows about it.
 *
 * @param message the decoded response
 * @param session the session it belongs to, or {@code null} without one
 * @param protocolVersion the protocol revision it is served under
 * @param principal the authenticated caller, or {@code null}
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record McpClientResponse(JsonRpcResponse message, @Nullable McpSession session, String protocolVersion,
		@Nullable Principal principal) {

	/**
	 * Return the id of the server request this response answers.
	 * @return the id, or {@code null}
	 */
	public @Nullable JsonNode id() {
		return this.message.id();
	}

	/**
	 * Whether the client answered with a JSON-RPC error.
	 * @return {@code true} for an error
	 */
	public boolean isError() {
		return this.message.error() != null;
	}

	/**
	 * Return the session id.
	 * @return the id, or {@code null} without a session
	 */
	public @Nullable String sessionId() {
		return (this.session != null) ? this.session.getId() : null;
	}

}
