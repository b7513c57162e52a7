package dev.mcpspring.jsonrpc;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON-RPC request: a method call that expects a response.
 *
 * @param id the request id, a string or integer node echoed in the response
 * @param method the method name
 * @param params the parameters object, or {@code null} when absent
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record JsonRpcRequest(JsonNode id, String method, @Nullable ObjectNode params) implements JsonRpcMessage {

}
