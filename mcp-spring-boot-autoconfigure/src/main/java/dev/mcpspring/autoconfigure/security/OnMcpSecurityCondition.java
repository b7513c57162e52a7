package dev.mcpspring.autoconfigure.security;

import java.util.List;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Backs {@link ConditionalOnMcpSecurity}.
 *
 * @author MCP Spring Boot team
 */
class OnMcpSecurityCondition extends SpringBootCondition implements ConfigurationCondition {

	/**
	 * Beans of these types, declared by the application, switch security on: the reactive
	 * ones for WebFlux, the servlet token decoders for Spring MVC. A servlet
	 * {@code AuthenticationManager} is left out on purpose: applications declare one for
	 * form or basic login, which says nothing about bearer tokens on the MCP endpoint.
	 */
	static final List<String> AUTHENTICATION_BEAN_TYPES = List.of(
			"org.springframework.security.oauth2.jwt.ReactiveJwtDecoder",
			"org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector",
			"org.springframework.security.authentication.ReactiveAuthenticationManager",
			"org.springframework.security.oauth2.jwt.JwtDecoder",
			"org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector");

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
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		for (String type : AUTHENTICATION_BEAN_TYPES) {
			if (beanFactory != null && ClassUtils.isPresent(type, context.getClassLoader())) {
				String[] names = beanFactory
					.getBeanNamesForType(ClassUtils.resolveClassName(type, context.getClassLoader()), true, false);
				if (names.length > 0) {
					return ConditionOutcome.match(message.found("bean of type " + type).items((Object[]) names));
				}
			}
		}
		return ConditionOutcome.noMatch(message
			.didNotFind("resource server or API key configuration, or a token decoder or authentication manager bean")
			.atAll());
	}

	@Override
	public ConfigurationPhase getConfigurationPhase() {
		return ConfigurationPhase.REGISTER_BEAN;
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
