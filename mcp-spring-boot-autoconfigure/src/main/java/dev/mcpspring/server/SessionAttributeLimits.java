package dev.mcpspring.server;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.mcpspring.server.session.McpSession;
import dev.mcpspring.server.session.SessionAttributeLimitExceededException;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;

/**
 * How many attributes a session may hold, and how large their JSON may be in total, so
 * that a handler cannot grow a session without bound in a shared store.
 *
 * @param maxCount the maximum number of attributes of a session
 * @param maxBytes the maximum size in bytes of the names and JSON values together
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record SessionAttributeLimits(int maxCount, long maxBytes) {

	/**
	 * Limits of 100 attributes and 64 KB.
	 */
	public static final SessionAttributeLimits DEFAULTS = new SessionAttributeLimits(100, 64 * 1024);

	public SessionAttributeLimits {
		Assert.isTrue(maxCount > 0, "maxCount must be positive");
		Assert.isTrue(maxBytes > 0, "maxBytes must be positive");
	}

	/**
	 * Check that a session may hold an attribute in place of any of the same name.
	 * @param session the session
	 * @param name the attribute name
	 * @param value the new value
	 * @throws SessionAttributeLimitExceededException if a limit would be exceeded
	 */
	void check(McpSession session, String name, JsonNode value) {
		Map<String, JsonNode> attributes = session.getAttributes();
		if (!attributes.containsKey(name) && attributes.size() >= this.maxCount) {
			throw new SessionAttributeLimitExceededException("Cannot store session attribute '" + name
					+ "': a session holds at most " + this.maxCount + " attributes");
		}
		long size = size(name, value);
		for (Map.Entry<String, JsonNode> attribute : attributes.entrySet()) {
			if (!attribute.getKey().equals(name)) {
				size += size(attribute.getKey(), attribute.getValue());
			}
		}
		if (size > this.maxBytes) {
			throw new SessionAttributeLimitExceededException(
					"Cannot store session attribute '" + name + "': the attributes of a session take at most "
							+ this.maxBytes + " bytes of JSON, this needs " + size);
		}
	}

	private static long size(String name, JsonNode value) {
		return name.getBytes(StandardCharsets.UTF_8).length + value.toString().getBytes(StandardCharsets.UTF_8).length;
	}

}
