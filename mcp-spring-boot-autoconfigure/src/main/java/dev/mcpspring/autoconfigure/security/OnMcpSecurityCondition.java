package dev.mcpspring.autoconfigure.security;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Backs {@link ConditionalOnMcpSecurity}.
 *
 * @author MCP Spring Boot team
 */
class OnMcpSecurityCondition extends SpringBootCondition {

	static final List<String> OAUTH2_PROPERTIES = List.of("spring.security.oauth2.resourceserver.jwt.issuer-uri",
			"spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
			"spring.security.oauth2.resourceserver.jwt.public-key-location",
			"spring.security.oauth2.resourceserver.opaquetoken.introspection-uri");

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnMcpSecurity.class);
		Environment environment = context.getEnvironment();
		for (String property : OAUTH2_PROPERTIES) {
			if (environment.containsProperty(property)) {
				return ConditionOutcome.match(message.foundExactly("property " + property));
			}
		}
		if (hasApiKeys(environment)) {
			return ConditionOutcome.match(message.foundExactly("property mcp.server.security.api-keys"));
		}
		return ConditionOutcome.noMatch(message.didNotFind("resource server or API key configuration").atAll());
	}

	static boolean hasApiKeys(Environment environment) {
		return Binder.get(environment)
			.bind("mcp.server.security.api-keys", Bindable.mapOf(String.class, McpSecurityProperties.ApiKey.class))
			.map((keys) -> !keys.isEmpty())
			.orElse(false);
	}

	/**
	 * Matches when API keys are configured.
	 */
	static class ApiKeys extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("MCP API keys");
			return hasApiKeys(context.getEnvironment())
					? ConditionOutcome.match(message.foundExactly("property mcp.server.security.api-keys"))
					: ConditionOutcome.noMatch(message.didNotFind("property mcp.server.security.api-keys").atAll());
		}

	}

}
