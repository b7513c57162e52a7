package dev.mcpspring.autoconfigure.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mcpspring.autoconfigure.McpServerProperties;
import dev.mcpspring.security.AccessDeniedExceptionTranslator;
import dev.mcpspring.security.AccessDeniedListener;
import dev.mcpspring.security.ApiKeyAuthenticationConverter;
import dev.mcpspring.security.ApiKeyAuthenticationManager;
import dev.mcpspring.security.AuditingAccessDeniedListener;
import dev.mcpspring.security.ProtectedResourceMetadata;
import dev.mcpspring.security.ScopeAuthorizationInterceptor;
import dev.mcpspring.security.ScopeFeatureFilter;
import dev.mcpspring.server.ResourceRegistry;
import dev.mcpspring.server.scope.McpScopeRegistry;
import dev.mcpspring.transport.webflux.McpSseHandler;
import dev.mcpspring.transport.webflux.McpStreamableHttpHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.util.StringUtils;

/**
 * What MCP security is on both web stacks: the protected resource metadata, the scopes
 * per feature, the JWT audience and the API keys. Each stack's auto-configuration adds
 * its own metadata endpoint and filter chain.
 *
 * @author MCP Spring Boot team
 */
@Configuration(proxyBeanMethods = false)
class McpSecurityConfiguration {

	private static final String JWT_ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

	@Bean
	@ConditionalOnMissingBean
	ProtectedResourceMetadata mcpProtectedResourceMetadata(McpSecurityProperties properties, Environment environment) {
		List<String> authorizationServers = new ArrayList<>(properties.getAuthorizationServers());
		String issuerUri = environment.getProperty(JWT_ISSUER_URI);
		if (authorizationServers.isEmpty() && StringUtils.hasText(issuerUri)) {
			authorizationServers.add(issuerUri);
		}
		return new ProtectedResourceMetadata(properties.determineResource(), authorizationServers,
				properties.getScopesSupported(), properties.getResourceName(), properties.getResourceDocumentation());
	}

	@Bean
	@ConditionalOnMissingBean
	ScopeFeatureFilter mcpScopeFeatureFilter(McpScopeRegistry scopeRegistry, McpSecurityProperties properties) {
		register(scopeRegistry, McpScopeRegistry.Kind.TOOL, properties.getToolScopes());
		register(scopeRegistry, McpScopeRegistry.Kind.PROMPT, properties.getPromptScopes());
		register(scopeRegistry, McpScopeRegistry.Kind.RESOURCE, properties.getResourceScopes());
		return new ScopeFeatureFilter(scopeRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	ScopeAuthorizationInterceptor mcpScopeAuthorizationInterceptor(McpScopeRegistry scopeRegistry,
			ResourceRegistry resourceRegistry, McpSecurityProperties properties,
			ObjectProvider<AccessDeniedListener> listeners) {
		return new ScopeAuthorizationInterceptor(scopeRegistry, resourceRegistry, properties.getRequiredScopes(),
				AccessDeniedListener.of(listeners.orderedStream().toList()));
	}

	@Bean
	@ConditionalOnMissingBean
	AccessDeniedExceptionTranslator mcpAccessDeniedExceptionTranslator(ObjectProvider<AccessDeniedListener> listeners) {
		return new AccessDeniedExceptionTranslator(AccessDeniedListener.of(listeners.orderedStream().toList()));
	}

	private static void register(McpScopeRegistry registry, McpScopeRegistry.Kind kind,
			Map<String, List<String>> scopes) {
		scopes.forEach((name, values) -> registry.register(kind, name, values));
	}

	/**
	 * Tell the handlers where the metadata is, for the challenge of their {@code 403}
	 * answers.
	 */
	static void pointHandlersAtMetadata(ProtectedResourceMetadata metadata,
			ObjectProvider<McpStreamableHttpHandler> streamableHttp, ObjectProvider<McpSseHandler> sse) {
		streamableHttp.ifAvailable((handler) -> handler.setResourceMetadataUrl(metadata.metadataUrl()));
		sse.ifAvailable((handler) -> handler.setResourceMetadataUrl(metadata.metadataUrl()));
	}

	static List<String> mcpPaths(McpServerProperties properties) {
		List<String> paths = new ArrayList<>();
		paths.add(properties.getTransport().getStreamableHttp().getPath());
		if (properties.getTransport().getSse().isEnabled()) {
			paths.add(properties.getTransport().getSse().getPath());
			paths.add(properties.getTransport().getSse().getMessagePath());
		}
		return paths;
	}

	/**
	 * The API key converter of the filter chains: {@code Authorization: Bearer} carries a
	 * key only when no access tokens are validated.
	 */
	static ApiKeyAuthenticationConverter apiKeyConverter(McpSecurityProperties properties, boolean oauth2) {
		return new ApiKeyAuthenticationConverter(properties.getApiKeyHeader(), !oauth2);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(AuditApplicationEvent.class)
	@ConditionalOnBean(AuditEventRepository.class)
	static class AuditConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AuditingAccessDeniedListener mcpAuditingAccessDeniedListener(ApplicationEventPublisher publisher) {
			return new AuditingAccessDeniedListener(publisher);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JwtAudienceValidator.class)
	@Conditional(NoJwtAudiencesCondition.class)
	static class JwtAudienceConfiguration {

		@Bean
		OAuth2TokenValidator<Jwt> mcpJwtAudienceValidator(McpSecurityProperties properties) {
			return new JwtAudienceValidator(properties.determineResource());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(OnMcpSecurityCondition.ApiKeys.class)
	static class ApiKeyConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ApiKeyAuthenticationManager mcpApiKeyAuthenticationManager(McpSecurityProperties properties) {
			return new ApiKeyAuthenticationManager(properties.getApiKeys()
				.entrySet()
				.stream()
				.map((entry) -> new ApiKeyAuthenticationManager.ApiKey(entry.getKey(), entry.getValue().getKey(),
						entry.getValue().getScopes()))
				.toList());
		}

	}

}
