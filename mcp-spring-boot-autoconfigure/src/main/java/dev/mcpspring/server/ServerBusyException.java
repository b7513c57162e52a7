package dev.mcpspring.server;

import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;

/**
 * A request refused because the server is at a limit of work in progress, such as
 * {@link ConcurrencyLimitInterceptor}. The engine leaves it to the transport: HTTP
 * answers {@code 503} with {@code Retry-After} and the request's id, other transports the
 * JSON-RPC error {@code -32603} "Server busy".
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ServerBusyException extends McpException {

	/**
	 * Create the exception.
	 */
	public ServerBusyException() {
		super(JsonRpcErrorCodes.INTERNAL_ERROR, "Server busy");
	}

}
