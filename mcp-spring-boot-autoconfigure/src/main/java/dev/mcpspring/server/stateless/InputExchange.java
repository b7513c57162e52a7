package dev.mcpspring.server.stateless;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The client input of one stateless request: the responses it already carries (from
 * {@code inputResponses} and the verified {@code requestState}), and the input requests
 * the handler still needs.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class InputExchange {

	private final ObjectNode responses;

	private final Map<String, ObjectNode> pending = new LinkedHashMap<>();

	private final Map<String, AtomicInteger> counters = new LinkedHashMap<>();

	/**
	 * Create the exchange of a request.
	 * @param responses the responses the client sent, by input key
	 */
	public InputExchange(ObjectNode responses) {
		this.responses = responses;
	}

	/**
	 * Return the next key for a request of the given kind, such as {@code elicitation-1}.
	 * @param kind the kind of request
	 * @return a key unique within the request
	 */
	public synchronized String nextKey(String kind) {
		return kind + "-" + this.counters.computeIfAbsent(kind, (key) -> new AtomicInteger()).incrementAndGet();
	}

	/**
	 * Return the client's response under a key.
	 * @param key the input key
	 * @return the response, or {@code null}
	 */
	public synchronized @Nullable JsonNode response(String key) {
		return this.responses.get(key);
	}

	/**
	 * Record an input request the client must fulfil.
	 * @param key the input key
	 * @param method the request method
	 * @param params the request params
	 */
	public synchronized void require(String key, String method, ObjectNode params) {
		ObjectNode request = JsonNodeFactory.instance.objectNode();
		request.put("method", method);
		request.set("params", params);
		this.pending.put(key, request);
	}

	/**
	 * Return the input requests recorded, for the {@code inputRequests} member.
	 * @return the requests by key
	 */
	public synchronized ObjectNode pendingRequests() {
		ObjectNode requests = JsonNodeFactory.instance.objectNode();
		this.pending.forEach(requests::set);
		return requests;
	}

	/**
	 * Return every response received so far, to carry over in the next
	 * {@code requestState}.
	 * @return the responses by key
	 */
	public synchronized ObjectNode responses() {
		return this.responses.deepCopy();
	}

}
