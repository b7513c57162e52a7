package dev.mcpspring.autoconfigure.security;

import java.util.List;

import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.autoconfigure.McpServerProperties;
import dev.mcpspring.autoconfigure.McpWebFluxAutoConfiguration;
import dev.mcpspring.security.ApiKeyAuthenticationManager;
import dev.mcpspring.security.AudienceValidatingOpaqueTokenIntrospector;
import dev.mcpspring.security.McpBearerTokenEntryPoint;
import dev.mcpspring.security.McpSecurityConfigurer;
import dev.mcpspring.security.ProtectedResourceMetadata;
import dev.mcpspring.security.ProtectedResourceMetadataWebFilter;
import dev.mcpspring.server.McpServerHandler;
import dev.mcpspring.transport.webflux.McpSseHandler;
import dev.mcpspring.transport.webflux.McpStreamableHttpHandler;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for securing MCP endpoints on
 * WebFlux as an OAuth 2.1 resource server, or with API keys: on when configured by
 * properties or when the application declares a token decoder, introspector or
 * authentication manager.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization">MCP
 * authorization</a>
 */
@AutoConfiguration(after = { McpServerAutoConfiguration.class, McpWebFluxAutoConfiguration.class },
		afterName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration",
		beforeName = "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration")
@ConditionalOnClass({ SecurityWebFilterChain.class, ServerHttpSecurity.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBooleanProperty(name = "mcp.server.enabled", matchIfMissing = true)
@ConditionalOnBean(McpServerHandler.class)
@ConditionalOnMcpSecurity
@EnableConfigurationProperties(McpSecurityProperties.class)
@Import(McpSecurityConfiguration.class)
public final class McpSecurityAutoConfiguration {

	/**
	 * Name of the filter chain bean, which users may replace.
	 */
	public static final String FILTER_CHAIN_BEAN_NAME = "mcpSecurityWebFilterChain";

	@Bean
	@ConditionalOnMissingBean
	ProtectedResourceMetadataWebFilter mcpProtectedResourceMetadataWebFilter(ProtectedResourceMetadata metadata,
			McpServerProperties serverProperties, ObjectProvider<JsonMapper> jsonMapper) {
		return new ProtectedResourceMetadataWebFilter(metadata,
				serverProperties.getTransport().getStreamableHttp().getPath(),
				jsonMapper.getIfAvailable(JsonMapper::new));
	}

	@Bean
	@ConditionalOnMissingBean
	McpBearerTokenEntryPoint mcpBearerTokenEntryPoint(ProtectedResourceMetadata metadata,
			ObjectProvider<McpStreamableHttpHandler> streamableHttp, ObjectProvider<McpSseHandler> sse) {
		McpSecurityConfiguration.pointHandlersAtMetadata(metadata, streamableHttp, sse);
		return new McpBearerTokenEntryPoint(metadata);
	}

	@Bean(FILTER_CHAIN_BEAN_NAME)
	@ConditionalOnMissingBean(name = FILTER_CHAIN_BEAN_NAME)
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityWebFilterChain mcpSecurityWebFilterChain(ServerHttpSecurity http, McpServerProperties serverProperties,
			McpSecurityProperties properties, McpBearerTokenEntryPoint entryPoint,
			ObjectProvider<ResourceServerTokens> tokens, ObjectProvider<ApiKeyAuthenticationManager> apiKeys) {
		McpSecurityConfigurer configurer = new McpSecurityConfigurer(
				McpSecurityConfiguration.mcpPaths(serverProperties), entryPoint);
		boolean oauth2 = tokens.orderedStream()
			.map((token) -> token.applyTo(configurer))
			.reduce(false, Boolean::logicalOr);
		return configurer
			.apiKeys(apiKeys.getIfAvailable(), McpSecurityConfiguration.apiKeyConverter(properties, oauth2))
			.build(http);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(BearerTokenAuthenticationToken.class)
	static class AuthenticationManagerConfiguration {

		@Bean
		ResourceServerTokens mcpAuthenticationManagerTokens(ObjectProvider<ReactiveAuthenticationManager> managers) {
			return (configurer) -> {
				List<ReactiveAuthenticationManager> candidates = managers.orderedStream()
					.filter((manager) -> !(manager instanceof ApiKeyAuthenticationManager))
					.toList();
				ReactiveAuthenticationManager manager = (candidates.size() == 1) ? candidates.get(0) : null;
				configurer.bearerTokens(manager);
				return manager != null;
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ReactiveJwtDecoder.class, BearerTokenAuthenticationToken.class })
	static class JwtConfiguration {

		@Bean
		ResourceServerTokens mcpJwtTokens(ObjectProvider<ReactiveJwtDecoder> jwtDecoder, Environment environment,
				McpSecurityProperties properties) {
			return (configurer) -> {
				ReactiveJwtDecoder decoder = jwtDecoder.getIfAvailable();
				configurer.jwt((decoder != null) ? JwtAudiences.of(environment, properties).check(decoder) : null);
				return decoder != null;
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ReactiveOpaqueTokenIntrospector.class, BearerTokenAuthenticationToken.class })
	static class OpaqueTokenConfiguration {

		@Bean
		ResourceServerTokens mcpOpaqueTokens(ObjectProvider<ReactiveOpaqueTokenIntrospector> introspector) {
			return (configurer) -> {
				ReactiveOpaqueTokenIntrospector tokenIntrospector = introspector.getIfAvailable();
				configurer.opaqueToken(tokenIntrospector);
				return tokenIntrospector != null;
			};
		}

		@Bean
		static BeanPostProcessor mcpOpaqueTokenAudienceValidator(ObjectProvider<McpSecurityProperties> properties) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!(bean instanceof ReactiveOpaqueTokenIntrospector introspector)
							|| bean instanceof AudienceValidatingOpaqueTokenIntrospector) {
						return bean;
					}
					return new AudienceValidatingOpaqueTokenIntrospector(introspector,
							List.of(properties.getObject().determineResource()));
				}

			};
		}

	}

}
