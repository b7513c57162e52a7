package dev.mcpspring.jsonrpc;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The error object of a JSON-RPC response.
 *
 * @param code the error code, see {@link JsonRpcErrorCodes}
 * @param message a short, generic description that never echoes secrets
 * @param data additional information, or {@code null}
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JsonRpcError(int code, String message, @Nullable Object data) {

	/**
	 * Create an error without data.
	 * @param code the error code
	 * @param message the message
	 * @return the error
	 */
	public static JsonRpcError of(int code, String message) {
		return new JsonRpcError(code, message, null);
	}

}
