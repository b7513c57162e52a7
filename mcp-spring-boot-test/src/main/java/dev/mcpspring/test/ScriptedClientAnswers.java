package dev.mcpspring.test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answers a test scripts for the requests the server sends to the client
 * (elicitation, sampling, roots), and the client capabilities they imply.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
final class ScriptedClientAnswers {

	private final Map<String, Function<JsonNode, ?>> answers = new ConcurrentHashMap<>();

	private final Map<String, String> capabilities = Map.of("elicitation/create", "elicitation",
			"sampling/createMessage", "sampling", "roots/list", "roots");

	private final JsonMapper jsonMapper;

	ScriptedClientAnswers(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	void put(String method, Function<JsonNode, ?> answer) {
		this.answers.put(method, answer);
	}

	/**
	 * The client capabilities: one for each kind of request with a scripted answer.
	 */
	ObjectNode capabilities() {
		ObjectNode capabilities = this.jsonMapper.createObjectNode();
		this.capabilities.forEach((method, capability) -> {
			if (this.answers.containsKey(method)) {
				capabilities.putObject(capability);
			}
		});
		return capabilities;
	}

	/**
	 * The JSON-RPC response to a request of the server.
	 */
	ObjectNode respond(JsonNode request) {
		ObjectNode response = this.jsonMapper.createObjectNode();
		response.put("jsonrpc", "2.0");
		response.set("id", request.get("id"));
		Function<JsonNode, ?> answer = this.answers.get(request.path("method").asString());
		if (answer == null) {
			ObjectNode error = response.putObject("error");
			error.put("code", JsonRpcErrorCodes.METHOD_NOT_FOUND);
			error.put("message", "No answer scripted for " + request.path("method").asString());
			return response;
		}
		response.set("result", result(request, answer));
		return response;
	}

	/**
	 * The {@code inputResponses} of a multi round-trip request retried with answers.
	 */
	ObjectNode respondToInputRequests(JsonNode inputRequests) {
		ObjectNode responses = this.jsonMapper.createObjectNode();
		for (Map.Entry<String, JsonNode> entry : inputRequests.properties()) {
			Function<JsonNode, ?> answer = this.answers.get(entry.getValue().path("method").asString());
			if (answer == null) {
				throw new IllegalStateException("No answer scripted for " + entry.getValue().path("method").asString());
			}
			responses.set(entry.getKey(), result(entry.getValue(), answer));
		}
		return responses;
	}

	private JsonNode result(JsonNode request, Function<JsonNode, ?> answer) {
		JsonNode params = request.has("params") ? request.get("params") : this.jsonMapper.createObjectNode();
		return this.jsonMapper.valueToTree(answer.apply(params));
	}

}
