package dev.mcpspring.redis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mcpspring.model.LoggingLevel;
import dev.mcpspring.server.session.McpSession;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a session as JSON and reads it back. The Lua scripts of
 * {@link RedisMcpSessionRepository} read the {@code subscriptions} array, which is always
 * present. Session attributes are kept under {@code attributes} as the JSON they already
 * are.
 *
 * @author MCP Spring Boot team
 */
final class SessionJson {

	private final JsonMapper jsonMapper;

	SessionJson(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	String write(McpSession session) {
		ObjectNode json = this.jsonMapper.createObjectNode();
		json.put("id", session.getId());
		json.put("protocolVersion", session.getProtocolVersion());
		json.set("clientInfo", session.getClientInfo());
		json.set("clientCapabilities", session.getClientCapabilities());
		json.put("createdAt", session.getCreatedAt().toEpochMilli());
		json.put("initialized", session.isInitialized());
		json.put("loggingLevel", session.getLoggingLevel().value());
		json.put("principalName", session.getPrincipalName());
		ArrayNode subscriptions = json.putArray("subscriptions");
		session.getSubscriptions().forEach(subscriptions::add);
		if (!session.getAttributes().isEmpty()) {
			ObjectNode attributes = json.putObject("attributes");
			session.getAttributes().forEach(attributes::set);
		}
		return json.toString();
	}

	McpSession read(String text, Instant now) {
		JsonNode json = this.jsonMapper.readTree(text);
		McpSession session = new McpSession(json.get("id").asString(), json.get("protocolVersion").asString(),
				objectOrNull(json.get("clientInfo")), objectOrNull(json.get("clientCapabilities")),
				Instant.ofEpochMilli(json.get("createdAt").asLong()));
		JsonNode principal = json.get("principalName");
		session.setPrincipalName((principal != null && principal.isString()) ? principal.asString() : null);
		List<String> subscriptions = new ArrayList<>();
		json.path("subscriptions").forEach((uri) -> subscriptions.add(uri.asString()));
		LoggingLevel level = LoggingLevel.fromValue(json.path("loggingLevel").asString("info"));
		session.restore(json.path("initialized").asBoolean(), (level != null) ? level : LoggingLevel.INFO,
				subscriptions);
		Map<String, JsonNode> attributes = new LinkedHashMap<>();
		json.path("attributes").properties().forEach((entry) -> attributes.put(entry.getKey(), entry.getValue()));
		session.restoreAttributes(attributes);
		session.touch(now);
		return session;
	}

	private static @Nullable JsonNode objectOrNull(@Nullable JsonNode node) {
		return (node == null || node.isNull()) ? null : node;
	}

}
