package dev.mcpspring.jsonrpc;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Raised when a message cannot be decoded or a request cannot be served; carries the
 * JSON-RPC error to answer with.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class JsonRpcException extends RuntimeException {

	private final JsonRpcError error;

	private final @Nullable JsonNode id;

	/**
	 * Create an exception for the given error code and message.
	 * @param code the JSON-RPC error code
	 * @param message the message sent to the client
	 */
	public JsonRpcException(int code, String message) {
		this(JsonRpcError.of(code, message), null);
	}

	/**
	 * Create an exception for the given error.
	 * @param error the error sent to the client
	 * @param id the id of the offending request, if it could be read
	 */
	public JsonRpcException(JsonRpcError error, @Nullable JsonNode id) {
		super(error.message(), null, false, false);
		this.error = error;
		this.id = id;
	}

	/**
	 * Return the error to send.
	 * @return the error
	 */
	public JsonRpcError getError() {
		return this.error;
	}

	/**
	 * Return the id of the request the error belongs to.
	 * @return the id, or {@code null} when unknown
	 */
	public @Nullable JsonNode getId() {
		return this.id;
	}

}
