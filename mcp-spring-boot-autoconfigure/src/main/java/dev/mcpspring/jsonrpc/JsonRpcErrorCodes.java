package dev.mcpspring.jsonrpc;

/**
 * Error codes defined by JSON-RPC 2.0 and by MCP: every code the server sends is declared
 * here, so that the same failure gets the same code on every transport.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcErrorCodes {

	/**
	 * Invalid JSON was received.
	 */
	public static final int PARSE_ERROR = -32700;

	/**
	 * The JSON sent is not a valid request object.
	 */
	public static final int INVALID_REQUEST = -32600;

	/**
	 * The method does not exist or is not available.
	 */
	public static final int METHOD_NOT_FOUND = -32601;

	/**
	 * Invalid method parameters, including an unknown tool.
	 */
	public static final int INVALID_PARAMS = -32602;

	/**
	 * Internal error.
	 */
	public static final int INTERNAL_ERROR = -32603;

	/**
	 * MCP: the requested resource does not exist.
	 */
	public static final int RESOURCE_NOT_FOUND = -32002;

	/**
	 * MCP (2026-07-28): a routing header ({@code Mcp-Method}, {@code Mcp-Name}) is
	 * missing or does not match the body.
	 */
	public static final int HEADER_MISMATCH = -32020;

	/**
	 * MCP (2026-07-28): the request needs a client capability the client did not declare.
	 */
	public static final int MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;

	/**
	 * MCP (2026-07-28): the server does not serve the requested protocol version.
	 */
	public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

	private JsonRpcErrorCodes() {
	}

}
