package dev.mcpspring.server;

import java.security.Principal;

import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.server.session.McpSession;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON-RPC request together with what the transport knows about it.
 *
 * @param message the decoded request
 * @param session the session it belongs to, or {@code null} before initialization
 * @param protocolVersion the protocol revision it is served under
 * @param channel where messages for the client go while the request is served
 * @param principal the authenticated caller, or {@code null}
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record McpRequest(JsonRpcRequest message, @Nullable McpSession session, String protocolVersion,
		McpClientChannel channel, @Nullable Principal principal) {

	/**
	 * Create a request that cannot carry messages to the client.
	 * @param message the decoded request
	 * @param session the session, or {@code null}
	 * @param protocolVersion the protocol revision
	 */
	public McpRequest(JsonRpcRequest message, @Nullable McpSession session, String protocolVersion) {
		this(message, session, protocolVersion, McpClientChannel.discard(), null);
	}

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

	/**
	 * Return the progress token the client sent in {@code params._meta}.
	 * @return the token, or {@code null}
	 */
	public @Nullable JsonNode progressToken() {
		ObjectNode params = params();
		JsonNode token = (params != null) ? params.path("_meta").get("progressToken") : null;
		return (token != null && (token.isString() || token.isIntegralNumber())) ? token : null;
	}

	/**
	 * Return the session id.
	 * @return the id, or {@code null} without a session
	 */
	public @Nullable String sessionId() {
		return (this.session != null) ? this.session.getId() : null;
	}

}
