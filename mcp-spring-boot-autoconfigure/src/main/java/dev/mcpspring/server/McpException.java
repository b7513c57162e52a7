package dev.mcpspring.server;

import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Raised by handlers to answer a request with a JSON-RPC error instead of a result.
 * Prefer {@link ToolCallException} inside tools: a model can read tool errors, not
 * protocol errors.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpException extends JsonRpcException {

	/**
	 * Create an exception for a JSON-RPC error.
	 * @param code the JSON-RPC error code
	 * @param message the message sent to the client
	 */
	public McpException(int code, String message) {
		super(code, message);
	}

	/**
	 * Create an exception for a JSON-RPC error with data.
	 * @param code the JSON-RPC error code
	 * @param message the message sent to the client
	 * @param data additional information sent to the client
	 */
	public McpException(int code, String message, @Nullable Object data) {
		super(new JsonRpcError(code, message, data), null);
	}

	/**
	 * Create an exception for a JSON-RPC error answering a known request.
	 * @param error the error sent to the client
	 * @param id the id of the request, or {@code null}
	 */
	protected McpException(JsonRpcError error, @Nullable JsonNode id) {
		super(error, id);
	}

	/**
	 * Create the error of a resource URI that names nothing; sent as {@code -32002} to
	 * session clients and as {@code -32602} on the stateless revision.
	 * @param uri the URI read
	 * @return the exception
	 */
	public static McpException resourceNotFound(String uri) {
		return new McpException(JsonRpcErrorCodes.RESOURCE_NOT_FOUND, "Resource not found",
				java.util.Map.of("uri", uri));
	}

}
