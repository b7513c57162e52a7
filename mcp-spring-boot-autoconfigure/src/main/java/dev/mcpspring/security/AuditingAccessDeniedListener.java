package dev.mcpspring.security;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mcpspring.server.McpRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.Assert;

/**
 * Publishes an {@link AuditApplicationEvent} of type
 * {@value AccessDeniedListener#AUDIT_EVENT_TYPE} for each refused request, which Spring
 * Boot's audit listener stores in the {@code AuditEventRepository}. The data names the
 * method, the tool, prompt or resource, the scopes and the reason; never the token.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class AuditingAccessDeniedListener implements AccessDeniedListener {

	private static final String ANONYMOUS = "anonymousUser";

	private final ApplicationEventPublisher publisher;

	/**
	 * Create a listener.
	 * @param publisher where the audit events go
	 */
	public AuditingAccessDeniedListener(ApplicationEventPublisher publisher) {
		Assert.notNull(publisher, "ApplicationEventPublisher is required");
		this.publisher = publisher;
	}

	@Override
	public void accessDenied(McpRequest request, Set<String> requiredScopes, String reason) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("method", request.method());
		String target = target(request);
		if (target != null) {
			data.put("target", target);
		}
		data.put("requiredScopes", List.copyOf(requiredScopes));
		data.put("reason", reason);
		if (request.sessionId() != null) {
			data.put("sessionId", request.sessionId());
		}
		Principal principal = request.principal();
		String name = (principal != null) ? principal.getName() : ANONYMOUS;
		this.publisher.publishEvent(new AuditApplicationEvent(name, AUDIT_EVENT_TYPE, data));
	}

	private static @Nullable String target(McpRequest request) {
		for (String key : new String[] { "name", "uri" }) {
			JsonNode value = (request.params() != null) ? request.params().get(key) : null;
			if (value != null && value.isString()) {
				return value.asString();
			}
		}
		return null;
	}

}
