package dev.mcpspring.server;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.mcpspring.jsonrpc.JsonRpcNotification;
import dev.mcpspring.model.CreateMessageResult;
import dev.mcpspring.model.ElicitResult;
import dev.mcpspring.model.LoggingLevel;
import dev.mcpspring.model.ProtocolVersions;
import dev.mcpspring.model.ReadResourceResult;
import dev.mcpspring.model.Root;
import dev.mcpspring.server.session.McpSession;
import dev.mcpspring.server.stateless.InputExchange;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link McpContext} of one request, created by {@link McpContextFactory}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
final class DefaultMcpContext implements McpContext {

	private final McpRequest request;

	private final McpContextFactory factory;

	private volatile @Nullable String nextInputKey;

	DefaultMcpContext(McpRequest request, McpContextFactory factory) {
		this.request = request;
		this.factory = factory;
	}

	@Override
	public McpContext withInputKey(String key) {
		DefaultMcpContext context = new DefaultMcpContext(this.request, this.factory);
		context.nextInputKey = key;
		return context;
	}

	@Override
	public JsonNode getRequestId() {
		return this.request.message().id();
	}

	@Override
	public @Nullable String getSessionId() {
		return this.request.sessionId();
	}

	@Override
	public String getProtocolVersion() {
		return this.request.protocolVersion();
	}

	@Override
	public @Nullable JsonNode getClientInfo() {
		return this.request.clientInfo();
	}

	@Override
	public @Nullable JsonNode getClientCapabilities() {
		return this.request.clientCapabilities();
	}

	@Override
	public @Nullable Principal getPrincipal() {
		return this.request.principal();
	}

	@Override
	public void log(LoggingLevel level, String message) {
		LoggingLevel threshold = logThreshold();
		if (threshold != null && level.compareTo(threshold) >= 0) {
			ObjectNode params = objectNode();
			params.put("level", level.value());
			params.put("data", message);
			this.request.channel().send(new JsonRpcNotification("notifications/message", params));
		}
	}

	@Override
	public void progress(double progress, @Nullable Double total, @Nullable String message) {
		JsonNode token = this.request.progressToken();
		if (token == null) {
			return;
		}
		ObjectNode params = objectNode();
		params.set("progressToken", token);
		params.put("progress", progress);
		if (total != null) {
			params.put("total", total);
		}
		if (message != null) {
			params.put("message", message);
		}
		this.request.channel().send(new JsonRpcNotification("notifications/progress", params));
	}

	@Override
	public Mono<CreateMessageResult> sample(String prompt, int maxTokens) {
		ObjectNode params = objectNode();
		ArrayNode messages = params.putArray("messages");
		ObjectNode message = messages.addObject();
		message.put("role", "user");
		message.putObject("content").put("type", "text").put("text", prompt);
		params.put("maxTokens", maxTokens);
		return sample(params);
	}

	@Override
	public Mono<CreateMessageResult> sample(ObjectNode params) {
		return sendToClient("sampling", "sampling/createMessage", params)
			.map((result) -> this.factory.getJsonMapper().treeToValue(result, CreateMessageResult.class));
	}

	@Override
	public <T> Mono<ElicitResult<T>> elicit(String message, Class<T> type) {
		ObjectNode schema = this.factory.elicitationSchema(type);
		return elicit(message, schema).map((result) -> new ElicitResult<>(result.action(),
				(result.content() != null) ? this.factory.getJsonMapper().treeToValue(result.content(), type) : null));
	}

	@Override
	public Mono<ElicitResult<JsonNode>> elicit(String message, ObjectNode requestedSchema) {
		if (ProtocolVersions.V2024_11_05.equals(getProtocolVersion())
				|| ProtocolVersions.V2025_03_26.equals(getProtocolVersion())) {
			return Mono.error(new ClientCapabilityException("elicitation"));
		}
		ObjectNode params = objectNode();
		if (!ProtocolVersions.V2025_06_18.equals(getProtocolVersion())) {
			params.put("mode", "form");
		}
		params.put("message", message);
		params.set("requestedSchema", requestedSchema);
		return sendToClient("elicitation", "elicitation/create", params).map(DefaultMcpContext::elicitResult);
	}

	@Override
	public Mono<ElicitResult<Void>> elicitUrl(String message, String url, String elicitationId) {
		JsonNode capabilities = getClientCapabilities();
		if (capabilities == null || capabilities.path("elicitation").get("url") == null) {
			return Mono.error(new ClientCapabilityException("URL mode elicitation"));
		}
		ObjectNode params = objectNode();
		params.put("mode", "url");
		params.put("message", message);
		params.put("url", url);
		params.put("elicitationId", elicitationId);
		return sendToClient("elicitation", "elicitation/create", params)
			.map((result) -> new ElicitResult<>(elicitResult(result).action(), null));
	}

	@Override
	public Mono<List<Root>> listRoots() {
		return sendToClient("roots", "roots/list", objectNode()).map((result) -> {
			List<Root> roots = new java.util.ArrayList<>();
			for (JsonNode root : result.path("roots")) {
				roots.add(this.factory.getJsonMapper().treeToValue(root, Root.class));
			}
			return roots;
		});
	}

	@Override
	public <T> @Nullable T getAttribute(String name, Class<T> type) {
		JsonNode value = session().getAttributes().get(name);
		return (value != null) ? this.factory.getJsonMapper().treeToValue(value, type) : null;
	}

	@Override
	public void putAttribute(String name, @Nullable Object value) {
		McpSession session = session();
		if (value == null) {
			session.removeAttribute(name);
			return;
		}
		JsonNode json = this.factory.getJsonMapper().valueToTree(value);
		this.factory.getSessionAttributeLimits().check(session, name, json);
		session.setAttribute(name, json);
	}

	@Override
	public void removeAttribute(String name) {
		session().removeAttribute(name);
	}

	@Override
	public Set<String> getAttributeNames() {
		return Set.copyOf(session().getAttributes().keySet());
	}

	private McpSession session() {
		McpSession session = this.request.session();
		if (session == null) {
			throw new SessionAttributesUnavailableException(getProtocolVersion(), this.request.isStateless());
		}
		return session;
	}

	@Override
	public Mono<ReadResourceResult> readResource(String uri) {
		return this.factory.readResource(uri, this.request);
	}

	private @Nullable LoggingLevel logThreshold() {
		McpSession session = this.request.session();
		if (session != null) {
			return session.getLoggingLevel();
		}
		JsonNode level = this.request.meta(McpRequest.LOG_LEVEL_META);
		return (level != null && level.isString()) ? LoggingLevel.fromValue(level.asString()) : null;
	}

	private Mono<JsonNode> sendToClient(String capability, String method, ObjectNode params) {
		String key = this.nextInputKey;
		this.nextInputKey = null;
		JsonNode capabilities = getClientCapabilities();
		if (capabilities == null || capabilities.get(capability) == null) {
			return Mono.error(new ClientCapabilityException(capability));
		}
		InputExchange inputs = this.request.inputs();
		if (inputs != null) {
			return Mono.defer(() -> {
				String inputKey = (key != null) ? key : inputs.nextKey(capability);
				JsonNode response = inputs.response(inputKey);
				if (isValidResponse(response)) {
					return Mono.just(response);
				}
				inputs.require(inputKey, method, params);
				return Mono.error(new InputRequiredException());
			});
		}
		return this.factory.getClientRequests().send(getSessionId(), this.request.channel(), method, params);
	}

	private static boolean isValidResponse(@Nullable JsonNode response) {
		return response != null && response.isObject();
	}

	private static ElicitResult<JsonNode> elicitResult(JsonNode result) {
		String action = result.path("action").asString("cancel");
		ElicitResult.Action parsed = ElicitResult.Action.valueOf(action.toUpperCase(Locale.ROOT));
		JsonNode content = result.get("content");
		return new ElicitResult<>(parsed, (parsed == ElicitResult.Action.ACCEPT) ? content : null);
	}

	private ObjectNode objectNode() {
		return this.factory.getJsonMapper().createObjectNode();
	}

}
