package dev.mcpspring.autoconfigure.openapi;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when at least one {@code mcp.server.openapi.sources.*} entry is configured.
 *
 * @author MCP Spring Boot team
 */
class OnOpenApiSourcesCondition extends SpringBootCondition {

	private static final String PROPERTY = "mcp.server.openapi.sources";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("OpenAPI sources");
		Map<String, Object> sources = Binder.get(context.getEnvironment())
			.bind(PROPERTY, Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of());
		return sources.isEmpty() ? ConditionOutcome.noMatch(message.didNotFind("property").items(PROPERTY))
				: ConditionOutcome.match(message.found("sources").items(sources.keySet()));
	}

}
