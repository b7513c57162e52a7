package dev.mcpspring.server;

import dev.mcpspring.jsonrpc.JsonRpcResponse;
import dev.mcpspring.server.session.McpSession;
import org.jspecify.annotations.Nullable;

/**
 * The response to a request, and the session it created, if any.
 *
 * @param message the JSON-RPC response
 * @param createdSession the session started by an {@code initialize} request, or
 * {@code null}
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record McpResponse(JsonRpcResponse message, @Nullable McpSession createdSession) {

}
