package dev.mcpspring.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.model.ProtocolVersions;
import dev.mcpspring.server.McpSessionService;
import dev.mcpspring.server.stateless.MetaKeys;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.Assert;

/**
 * A client of the application's MCP server for tests, which reads like a script:
 * <pre class="code">
 * client.callTool("echo", Map.of("message", "hi")).isSuccess().hasText("hi");
 * </pre> It reaches the server {@link #inProcess in-process} (no socket) or over
 * {@link #http HTTP}, on the session revision {@code 2025-11-25} (connecting with
 * {@code initialize} on first use) or the stateless {@code 2026-07-28}
 * ({@link #revision}). It records the notifications the server sends, and answers the
 * server's requests (elicitation, sampling, roots) as the test scripts them, in a session
 * or by multi round-trip. Not thread-safe: one client per test.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class McpTestClient {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final int MAX_INPUT_ROUNDS = 10;

	private final McpTestTransport transport;

	private final JsonMapper jsonMapper;

	private final ScriptedClientAnswers answers;

	private final AtomicInteger ids = new AtomicInteger();

	private final List<JsonNode> notifications = new CopyOnWriteArrayList<>();

	private String revision = ProtocolVersions.LATEST;

	private @Nullable String logLevel;

	private @Nullable McpTestSession session;

	private McpTestClient(McpTestTransport transport, JsonMapper jsonMapper) {
		this.transport = transport;
		this.jsonMapper = jsonMapper;
		this.answers = new ScriptedClientAnswers(jsonMapper);
	}

	/**
	 * Create a client that calls the server in-process, as a transport would.
	 * @param sessionService the application's session service
	 * @param codec the application's JSON-RPC codec
	 * @return the client
	 */
	public static McpTestClient inProcess(McpSessionService sessionService, JsonRpcCodec codec) {
		return new McpTestClient(new InProcessMcpTestTransport(sessionService, codec), codec.getJsonMapper());
	}

	/**
	 * Create a client that calls the server over Streamable HTTP at {@code /mcp}.
	 * @param webTestClient a client bound to the running server or to the application
	 * context
	 * @return the client
	 */
	public static McpTestClient http(WebTestClient webTestClient) {
		return http(webTestClient, "/mcp");
	}

	/**
	 * Create a client that calls the server over Streamable HTTP.
	 * @param webTestClient a client bound to the running server or to the application
	 * context
	 * @param path the path of the MCP endpoint
	 * @return the client
	 */
	public static McpTestClient http(WebTestClient webTestClient, String path) {
		JsonMapper jsonMapper = new JsonMapper();
		WebTestClient client = webTestClient.mutate().responseTimeout(TIMEOUT).build();
		return new McpTestClient(new WebTestClientMcpTestTransport(client, path, jsonMapper), jsonMapper);
	}

	/**
	 * Use another protocol revision from the next message on, ending the current session
	 * if any.
	 * @param protocolVersion {@code 2025-11-25} or an earlier session revision, or the
	 * stateless {@code 2026-07-28}
	 * @return this client
	 */
	public McpTestClient revision(String protocolVersion) {
		Assert.hasText(protocolVersion, "protocolVersion must not be empty");
		close();
		this.revision = protocolVersion;
		return this;
	}

	/**
	 * Ask the server for log messages from this level up ({@code logging/setLevel} in a
	 * session, {@code _meta} on the stateless revision).
	 * @param level a level such as {@code debug} or {@code info}
	 * @return this client
	 */
	public McpTestClient logLevel(String level) {
		this.logLevel = level;
		McpTestSession current = this.session;
		if (current != null && !current.isStateless()) {
			request("logging/setLevel", Map.of("level", level)).isSuccess();
		}
		return this;
	}

	/**
	 * Accept every elicitation of the server with the content the function returns.
	 * Declares the {@code elicitation} capability.
	 * @param content the content of the answer, from the request's {@code params}
	 * @return this client
	 */
	public McpTestClient onElicitation(Function<JsonNode, Map<String, ?>> content) {
		return onRequest("elicitation/create",
				(params) -> Map.of("action", "accept", "content", content.apply(params)));
	}

	/**
	 * Answer every sampling request of the server with a text message. Declares the
	 * {@code sampling} capability.
	 * @param text the text of the answer, from the request's {@code params}
	 * @return this client
	 */
	public McpTestClient onSampling(Function<JsonNode, String> text) {
		return onRequest("sampling/createMessage", (params) -> Map.of("role", "assistant", "model", "mcp-test-client",
				"content", Map.of("type", "text", "text", text.apply(params))));
	}

	/**
	 * Answer {@code roots/list} with these roots. Declares the {@code roots} capability.
	 * @param uris the URIs of the roots
	 * @return this client
	 */
	public McpTestClient onRoots(String... uris) {
		List<Map<String, String>> roots = java.util.Arrays.stream(uris).map((uri) -> Map.of("uri", uri)).toList();
		return onRequest("roots/list", (params) -> Map.of("roots", roots));
	}

	/**
	 * Answer a kind of server request with the result the function returns.
	 * @param method the method of the server's request, such as
	 * {@code elicitation/create}
	 * @param result the result, from the request's {@code params}, written as JSON
	 * @return this client
	 */
	public McpTestClient onRequest(String method, Function<JsonNode, ?> result) {
		this.answers.put(method, result);
		return this;
	}

	/**
	 * Call a tool.
	 * @param name the tool name
	 * @param arguments the arguments, written as JSON
	 * @return assertions on the result
	 */
	public ToolResultAssert callTool(String name, Map<String, ?> arguments) {
		ObjectNode params = this.jsonMapper.createObjectNode();
		params.put("name", name);
		params.set("arguments", this.jsonMapper.valueToTree(arguments));
		params.putObject("_meta").put("progressToken", "progress-" + name + "-" + this.ids.get());
		return new ToolResultAssert(exchange("tools/call", params), this::outputSchema, name);
	}

	/**
	 * List the tools.
	 * @return assertions on the response
	 */
	public McpResponseAssert listTools() {
		return request("tools/list", Map.of());
	}

	/**
	 * List the resources.
	 * @return assertions on the response
	 */
	public McpResponseAssert listResources() {
		return request("resources/list", Map.of());
	}

	/**
	 * List the prompts.
	 * @return assertions on the response
	 */
	public McpResponseAssert listPrompts() {
		return request("prompts/list", Map.of());
	}

	/**
	 * Read a resource.
	 * @param uri the URI
	 * @return assertions on the response
	 */
	public McpResponseAssert readResource(String uri) {
		return request("resources/read", Map.of("uri", uri));
	}

	/**
	 * Get a prompt.
	 * @param name the prompt name
	 * @param arguments the arguments
	 * @return assertions on the response
	 */
	public McpResponseAssert getPrompt(String name, Map<String, String> arguments) {
		return request("prompts/get", Map.of("name", name, "arguments", arguments));
	}

	/**
	 * Ask for completions of a prompt argument.
	 * @param prompt the prompt name
	 * @param argument the argument name
	 * @param value what the user typed so far
	 * @return assertions on the response
	 */
	public McpResponseAssert completePrompt(String prompt, String argument, String value) {
		return request("completion/complete", Map.of("ref", Map.of("type", "ref/prompt", "name", prompt), "argument",
				Map.of("name", argument, "value", value)));
	}

	/**
	 * Ask for completions of a variable of a resource template.
	 * @param uriTemplate the URI template
	 * @param variable the variable name
	 * @param value what the user typed so far
	 * @return assertions on the response
	 */
	public McpResponseAssert completeResource(String uriTemplate, String variable, String value) {
		return request("completion/complete", Map.of("ref", Map.of("type", "ref/resource", "uri", uriTemplate),
				"argument", Map.of("name", variable, "value", value)));
	}

	/**
	 * Send any request.
	 * @param method the method
	 * @param params the params, written as JSON
	 * @return assertions on the response
	 */
	public McpResponseAssert request(String method, Map<String, ?> params) {
		return new McpResponseAssert(exchange(method, this.jsonMapper.valueToTree(params)));
	}

	/**
	 * Return every notification the server has sent so far, in order.
	 * @return the notifications, whole JSON-RPC messages
	 */
	public List<JsonNode> notifications() {
		return List.copyOf(this.notifications);
	}

	/**
	 * Return the {@code params} of the progress notifications received so far.
	 * @return the progress notifications' params
	 */
	public List<JsonNode> progress() {
		return paramsOf("notifications/progress");
	}

	/**
	 * Return the {@code params} of the log messages received so far.
	 * @return the log notifications' params
	 */
	public List<JsonNode> logs() {
		return paramsOf("notifications/message");
	}

	/**
	 * End the session, if one is open; the next request starts another.
	 */
	public void close() {
		McpTestSession current = this.session;
		this.session = null;
		if (current != null && !current.isStateless()) {
			this.transport.close(current).block(TIMEOUT);
		}
	}

	/**
	 * Return the session id the server gave, if a session is open.
	 * @return the session id, or {@code null}
	 */
	public @Nullable String getSessionId() {
		McpTestSession current = this.session;
		return (current != null) ? current.getSessionId() : null;
	}

	private List<JsonNode> paramsOf(String method) {
		return this.notifications.stream()
			.filter((notification) -> method.equals(notification.path("method").asString()))
			.map((notification) -> notification.path("params"))
			.toList();
	}

	private JsonNode exchange(String method, ObjectNode params) {
		McpTestSession current = connect();
		if (current.isStateless()) {
			ObjectNode meta = (params.get("_meta") instanceof ObjectNode existing) ? existing
					: params.putObject("_meta");
			meta.put(MetaKeys.PROTOCOL_VERSION, current.getProtocolVersion());
			meta.set(MetaKeys.CLIENT_CAPABILITIES, this.answers.capabilities());
			meta.set(MetaKeys.CLIENT_INFO, clientInfo());
			if (this.logLevel != null) {
				meta.put(MetaKeys.LOG_LEVEL, this.logLevel);
			}
		}
		for (int round = 0; round < MAX_INPUT_ROUNDS; round++) {
			JsonNode response = send(current, method, params);
			JsonNode result = response.path("result");
			if (!current.isStateless() || !"input_required".equals(result.path("resultType").asString())) {
				return response;
			}
			params.set("inputResponses", this.answers.respondToInputRequests(result.path("inputRequests")));
			if (result.has("requestState")) {
				params.set("requestState", result.get("requestState"));
			}
			else {
				params.remove("requestState");
			}
		}
		throw new IllegalStateException(method + " still required input after " + MAX_INPUT_ROUNDS + " rounds");
	}

	private JsonNode send(McpTestSession current, String method, ObjectNode params) {
		int id = this.ids.incrementAndGet();
		ObjectNode request = message(method, params);
		request.put("id", id);
		JsonNode response = this.transport.send(request, current)
			.concatMap((message) -> receive(message, current))
			.filter((message) -> message.path("id").asInt(-1) == id)
			.next()
			.block(TIMEOUT);
		Assert.state(response != null, () -> "No response to " + method);
		return response;
	}

	private Mono<JsonNode> receive(JsonNode message, McpTestSession current) {
		if (message.has("method") && message.has("id")) {
			return this.transport.send(this.answers.respond(message), current).then(Mono.empty());
		}
		if (message.has("method")) {
			this.notifications.add(message);
			return Mono.empty();
		}
		return Mono.just(message);
	}

	private McpTestSession connect() {
		McpTestSession current = this.session;
		if (current != null) {
			return current;
		}
		current = new McpTestSession(this.revision, ProtocolVersions.isStateless(this.revision));
		this.session = current;
		if (!current.isStateless()) {
			ObjectNode params = this.jsonMapper.createObjectNode();
			params.put("protocolVersion", this.revision);
			params.set("capabilities", this.answers.capabilities());
			params.set("clientInfo", clientInfo());
			JsonNode response = send(current, "initialize", params);
			new McpResponseAssert(response).as("initialize").isSuccess();
			current.markInitialized();
			this.transport.send(message("notifications/initialized", null), current).blockLast(TIMEOUT);
			if (this.logLevel != null) {
				logLevel(this.logLevel);
			}
		}
		return current;
	}

	private ObjectNode message(String method, @Nullable ObjectNode params) {
		ObjectNode message = this.jsonMapper.createObjectNode();
		message.put("jsonrpc", "2.0");
		message.put("method", method);
		if (params != null) {
			message.set("params", params);
		}
		return message;
	}

	private ObjectNode clientInfo() {
		ObjectNode clientInfo = this.jsonMapper.createObjectNode();
		clientInfo.put("name", "mcp-test-client");
		clientInfo.put("version", "0.1.0");
		return clientInfo;
	}

	private @Nullable ObjectNode outputSchema(String tool) {
		for (JsonNode candidate : listTools().isSuccess().result().path("tools")) {
			if (tool.equals(candidate.path("name").asString())) {
				return (candidate.get("outputSchema") instanceof ObjectNode schema) ? schema : null;
			}
		}
		return null;
	}

}
