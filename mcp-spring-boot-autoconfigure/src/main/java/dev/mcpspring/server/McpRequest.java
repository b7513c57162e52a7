package dev.mcpspring.server;

import java.security.Principal;

import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.model.ProtocolVersions;
import dev.mcpspring.server.session.McpSession;
import dev.mcpspring.server.stateless.InputExchange;
import dev.mcpspring.server.stateless.MetaKeys;
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
 * @param inputs the client input of a stateless request, or {@code null} for a session
 * @param headers the HTTP headers exposed to handlers, {@link RequestHeaders#EMPTY}
 * without HTTP
 * @param operation the typed view of what the request asks for, read once from its
 * parameters
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record McpRequest(JsonRpcRequest message, @Nullable McpSession session, String protocolVersion,
		McpClientChannel channel, @Nullable Principal principal, @Nullable InputExchange inputs, RequestHeaders headers,
		McpOperation operation) {

	/**
	 * {@code _meta} key of the protocol version of a stateless request.
	 */
	public static final String PROTOCOL_VERSION_META = MetaKeys.PROTOCOL_VERSION;

	/**
	 * {@code _meta} key of the client capabilities of a stateless request.
	 */
	public static final String CLIENT_CAPABILITIES_META = MetaKeys.CLIENT_CAPABILITIES;

	/**
	 * {@code _meta} key of the client name and version of a stateless request.
	 */
	public static final String CLIENT_INFO_META = MetaKeys.CLIENT_INFO;

	/**
	 * {@code _meta} key of the log level a stateless request asks for.
	 */
	public static final String LOG_LEVEL_META = MetaKeys.LOG_LEVEL;

	/**
	 * Create a request, reading its {@link McpOperation operation} from the parameters.
	 * @param message the decoded request
	 * @param session the session, or {@code null}
	 * @param protocolVersion the protocol revision
	 * @param channel where messages for the client go
	 * @param principal the authenticated caller, or {@code null}
	 * @param inputs the client input of a stateless request, or {@code null}
	 * @param headers the HTTP headers exposed to handlers
	 */
	public McpRequest(JsonRpcRequest message, @Nullable McpSession session, String protocolVersion,
			McpClientChannel channel, @Nullable Principal principal, @Nullable InputExchange inputs,
			RequestHeaders headers) {
		this(message, session, protocolVersion, channel, principal, inputs, headers,
				McpOperation.of(message.method(), message.params()));
	}

	/**
	 * Create a request without headers.
	 * @param message the decoded request
	 * @param session the session, or {@code null}
	 * @param protocolVersion the protocol revision
	 * @param channel where messages for the client go
	 * @param principal the authenticated caller, or {@code null}
	 * @param inputs the client input of a stateless request, or {@code null}
	 */
	public McpRequest(JsonRpcRequest message, @Nullable McpSession session, String protocolVersion,
			McpClientChannel channel, @Nullable Principal principal, @Nullable InputExchange inputs) {
		this(message, session, protocolVersion, channel, principal, inputs, RequestHeaders.EMPTY);
	}

	/**
	 * Create a request.
	 * @param message the decoded request
	 * @param session the session, or {@code null}
	 * @param protocolVersion the protocol revision
	 * @param channel where messages for the client go
	 * @param principal the authenticated caller, or {@code null}
	 */
	public McpRequest(JsonRpcRequest message, @Nullable McpSession session, String protocolVersion,
			McpClientChannel channel, @Nullable Principal principal) {
		this(message, session, protocolVersion, channel, principal, null, RequestHeaders.EMPTY);
	}

	/**
	 * Create a request that cannot carry messages to the client.
	 * @param message the decoded request
	 * @param session the session, or {@code null}
	 * @param protocolVersion the protocol revision
	 */
	public McpRequest(JsonRpcRequest message, @Nullable McpSession session, String protocolVersion) {
		this(message, session, protocolVersion, McpClientChannel.discard(), null, null, RequestHeaders.EMPTY);
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
		return (token != null && (token.isString() || token.isNumber())) ? token : null;
	}

	/**
	 * Return the session id.
	 * @return the id, or {@code null} without a session
	 */
	public @Nullable String sessionId() {
		return (this.session != null) ? this.session.getId() : null;
	}

	/**
	 * Whether the request is served statelessly (revision 2026-07-28 and later): no
	 * session, everything the server needs is in the request.
	 * @return {@code true} if stateless
	 */
	public boolean isStateless() {
		return this.session == null && ProtocolVersions.isStateless(this.protocolVersion);
	}

	/**
	 * Return a member of {@code params._meta}.
	 * @param key the key
	 * @return the value, or {@code null}
	 */
	public @Nullable JsonNode meta(String key) {
		ObjectNode params = params();
		return (params != null) ? params.path("_meta").get(key) : null;
	}

	/**
	 * Return the client capabilities: declared in the session, or in {@code _meta}.
	 * @return the capabilities, or {@code null}
	 */
	public @Nullable JsonNode clientCapabilities() {
		return (this.session != null) ? this.session.getClientCapabilities() : meta(CLIENT_CAPABILITIES_META);
	}

	/**
	 * Return the client name and version: from the session, or from {@code _meta}.
	 * @return the client info, or {@code null}
	 */
	public @Nullable JsonNode clientInfo() {
		return (this.session != null) ? this.session.getClientInfo() : meta(CLIENT_INFO_META);
	}

	/**
	 * Return a copy of this request carrying the given client input.
	 * @param inputs the input
	 * @return the new request
	 */
	public McpRequest withInputs(InputExchange inputs) {
		return new McpRequest(this.message, this.session, this.protocolVersion, this.channel, this.principal, inputs,
				this.headers, this.operation);
	}

	/**
	 * Return a copy of this request whose messages to the client go through the given
	 * channel.
	 * @param channel the channel
	 * @return the new request
	 */
	public McpRequest withChannel(McpClientChannel channel) {
		return new McpRequest(this.message, this.session, this.protocolVersion, channel, this.principal, this.inputs,
				this.headers, this.operation);
	}

}
