package dev.mcpspring.jsonrpc;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON-RPC notification: a method call without id that gets no response.
 *
 * @param method the method name
 * @param params the parameters object, or {@code null} when absent
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record JsonRpcNotification(String method, @Nullable ObjectNode params) implements JsonRpcMessage {

}
