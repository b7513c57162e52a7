package dev.mcpspring.jsonrpc;

/**
 * Error codes defined by JSON-RPC 2.0 and by MCP.
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

	private JsonRpcErrorCodes() {
	}

}
