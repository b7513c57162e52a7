package dev.mcpspring.transport.support;

import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcException;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import dev.mcpspring.server.RateLimitExceededException;
import dev.mcpspring.server.ServerBusyException;
import dev.mcpspring.server.StreamLimitExceededException;
import dev.mcpspring.server.session.SessionLimitExceededException;
import dev.mcpspring.server.session.SessionNotFoundException;
import dev.mcpspring.server.session.SessionStoreUnavailableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;

/**
 * The one table from failures to HTTP answers that every MCP HTTP endpoint uses, whatever
 * the web stack: the status, the JSON-RPC error of the body, and whether the client
 * should try again later. Bodies never carry exception text. JSON-RPC errors map to
 * statuses through {@link #statusOf(int)}; the session revisions answer a request the
 * engine served with {@code 200} whatever its error, as their transport says, so the
 * table applies to messages refused before they are served, and to every answer of the
 * stateless revision.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class McpHttpErrors {

	private static final Log logger = LogFactory.getLog(McpHttpErrors.class);

	/**
	 * Seconds a client is asked to wait before trying again after a {@code 503}.
	 */
	public static final String RETRY_AFTER_SECONDS = "30";

	private McpHttpErrors() {
	}

	/**
	 * Translate a failure of a request that got no JSON-RPC response of its own.
	 * @param ex the failure
	 * @param id the id of the request, when known
	 * @return the HTTP answer
	 */
	public static HttpError of(Throwable ex, @Nullable JsonNode id) {
		if (ex instanceof ServerBusyException busy) {
			return new HttpError(HttpStatus.SERVICE_UNAVAILABLE, response(id, busy.getError()), true);
		}
		if (ex instanceof RateLimitExceededException limited) {
			return new HttpError(HttpStatus.TOO_MANY_REQUESTS, response(id, limited.getError()), true,
					Long.toString(limited.getRetryAfterSeconds()));
		}
		if (ex instanceof JsonRpcException rpcException) {
			JsonNode requestId = (rpcException.getId() != null) ? rpcException.getId() : id;
			HttpStatus status = statusOf(rpcException.getError().code());
			return new HttpError(status.isError() ? status : HttpStatus.BAD_REQUEST,
					response(requestId, rpcException.getError()), false);
		}
		if (ex instanceof SessionNotFoundException) {
			return error(HttpStatus.NOT_FOUND, JsonRpcErrorCodes.INVALID_REQUEST, "Session not found", null);
		}
		if (ex instanceof DataBufferLimitException) {
			return error(HttpStatus.PAYLOAD_TOO_LARGE, JsonRpcErrorCodes.INVALID_REQUEST, "Request body too large",
					null);
		}
		if (ex instanceof SessionLimitExceededException) {
			return unavailable("Too many sessions, try again later", id);
		}
		if (ex instanceof StreamLimitExceededException) {
			return unavailable("Too many open streams, try again later", id);
		}
		if (ex instanceof SessionStoreUnavailableException) {
			logger.warn("Session store unavailable", ex.getCause());
			return unavailable("Session store unavailable, try again later", id);
		}
		logger.error("Failed to serve an MCP request", ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, JsonRpcErrorCodes.INTERNAL_ERROR, "Internal error", id);
	}

	/**
	 * Return the status of a JSON-RPC error: the status mirrors the error for requests
	 * the client got wrong, and is {@code 200} for errors of the work itself, which the
	 * body describes (2026-07-28). A message refused before it is served is at least
	 * {@code 400} (see {@link #of(Throwable, JsonNode)}).
	 * @param code the JSON-RPC error code
	 * @return the status
	 */
	public static HttpStatus statusOf(int code) {
		return switch (code) {
			case JsonRpcErrorCodes.METHOD_NOT_FOUND -> HttpStatus.NOT_FOUND;
			case JsonRpcErrorCodes.PARSE_ERROR, JsonRpcErrorCodes.INVALID_REQUEST, JsonRpcErrorCodes.INVALID_PARAMS,
					JsonRpcErrorCodes.HEADER_MISMATCH, JsonRpcErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY,
					JsonRpcErrorCodes.UNSUPPORTED_PROTOCOL_VERSION ->
				HttpStatus.BAD_REQUEST;
			default -> HttpStatus.OK;
		};
	}

	private static HttpError unavailable(String message, @Nullable JsonNode id) {
		return new HttpError(HttpStatus.SERVICE_UNAVAILABLE,
				response(id, JsonRpcError.of(JsonRpcErrorCodes.INTERNAL_ERROR, message)), true);
	}

	private static HttpError error(HttpStatus status, int code, String message, @Nullable JsonNode id) {
		return new HttpError(status, response(id, JsonRpcError.of(code, message)), false);
	}

	private static JsonRpcResponse response(@Nullable JsonNode id, JsonRpcError error) {
		return JsonRpcResponse.failure(id, error);
	}

	/**
	 * An HTTP answer to a failure.
	 *
	 * @param status the status
	 * @param body the JSON-RPC error response of the body
	 * @param retryLater whether to ask the client to try again later
	 * ({@code Retry-After})
	 * @param retryAfter the seconds of {@code Retry-After} when the client should try
	 * again later
	 */
	public record HttpError(HttpStatus status, JsonRpcResponse body, boolean retryLater, String retryAfter) {

		/**
		 * Create an answer that asks to wait {@link #RETRY_AFTER_SECONDS} when it asks to
		 * try again later.
		 * @param status the status
		 * @param body the JSON-RPC error response of the body
		 * @param retryLater whether to ask the client to try again later
		 */
		public HttpError(HttpStatus status, JsonRpcResponse body, boolean retryLater) {
			this(status, body, retryLater, RETRY_AFTER_SECONDS);
		}

	}

}
