package dev.mcpspring.jsonrpc;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A JSON-RPC response carrying either a result or an error.
 *
 * @param id the id of the request answered, or {@code null} when it could not be read
 * @param result the result, any value serializable to a JSON object, when successful
 * @param error the error, when failed
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record JsonRpcResponse(@Nullable JsonNode id, @Nullable Object result,
		@Nullable JsonRpcError error) implements JsonRpcMessage {

	/**
	 * Create a successful response.
	 * @param id the request id
	 * @param result the result object
	 * @return the response
	 */
	public static JsonRpcResponse success(JsonNode id, Object result) {
		return new JsonRpcResponse(id, result, null);
	}

	/**
	 * Create an error response.
	 * @param id the request id, or {@code null} when unknown
	 * @param error the error
	 * @return the response
	 */
	public static JsonRpcResponse failure(@Nullable JsonNode id, JsonRpcError error) {
		return new JsonRpcResponse(id, null, error);
	}

	/**
	 * Whether this response carries an error.
	 * @return {@code true} for an error response
	 */
	public boolean isError() {
		return this.error != null;
	}

}
