package dev.mcpspring.autoconfigure.security;

import java.util.List;

import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.autoconfigure.McpServerProperties;
import dev.mcpspring.autoconfigure.McpWebMvcAutoConfiguration;
import dev.mcpspring.security.ApiKeyAuthenticationManager;
import dev.mcpspring.security.ProtectedResourceMetadata;
import dev.mcpspring.security.servlet.ApiKeyAuthenticationConverter;
import dev.mcpspring.security.servlet.AudienceValidatingOpaqueTokenIntrospector;
import dev.mcpspring.security.servlet.McpBearerTokenEntryPoint;
import dev.mcpspring.security.servlet.McpSecurityConfigurer;
import dev.mcpspring.security.servlet.ProtectedResourceMetadataFilter;
import dev.mcpspring.server.McpServerHandler;
import dev.mcpspring.transport.webflux.McpSseHandler;
import dev.mcpspring.transport.webflux.McpStreamableHttpHandler;
import jakarta.servlet.Servlet;
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
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for securing MCP endpoints in a
 * servlet web application, such as a Spring MVC application, with the rules of
 * {@link McpSecurityAutoConfiguration} on WebFlux: an OAuth 2.1 resource server, or API
 * keys.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = { McpServerAutoConfiguration.class, McpWebMvcAutoConfiguration.class }, afterName = {
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration" },
		beforeName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class, Servlet.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "mcp.server.enabled", matchIfMissing = true)
@ConditionalOnBean(McpServerHandler.class)
@ConditionalOnMcpSecurity
@EnableConfigurationProperties(McpSecurityProperties.class)
@Import(McpSecurityConfiguration.class)
public final class McpServletSecurityAutoConfiguration {

	/**
	 * Name of the filter chain bean, which users may replace.
	 */
	public static final String FILTER_CHAIN_BEAN_NAME = "mcpSecurityFilterChain";

	@Bean
	@ConditionalOnMissingBean(name = "mcpProtectedResourceMetadataFilter")
	FilterRegistrationBean<ProtectedResourceMetadataFilter> mcpProtectedResourceMetadataFilter(
			ProtectedResourceMetadata metadata, McpServerProperties serverProperties,
			ObjectProvider<JsonMapper> jsonMapper) {
		FilterRegistrationBean<ProtectedResourceMetadataFilter> registration = new FilterRegistrationBean<>(
				new ProtectedResourceMetadataFilter(metadata,
						serverProperties.getTransport().getStreamableHttp().getPath(),
						jsonMapper.getIfAvailable(JsonMapper::new)));
		registration.setOrder(ProtectedResourceMetadataFilter.ORDER);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean
	McpBearerTokenEntryPoint mcpServletBearerTokenEntryPoint(ProtectedResourceMetadata metadata,
			ObjectProvider<McpStreamableHttpHandler> streamableHttp, ObjectProvider<McpSseHandler> sse) {
		McpSecurityConfiguration.pointHandlersAtMetadata(metadata, streamableHttp, sse);
		return new McpBearerTokenEntryPoint(metadata);
	}

	@Bean(FILTER_CHAIN_BEAN_NAME)
	@ConditionalOnMissingBean(name = FILTER_CHAIN_BEAN_NAME)
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityFilterChain mcpSecurityFilterChain(HttpSecurity http, McpServerProperties serverProperties,
			McpSecurityProperties properties, McpBearerTokenEntryPoint entryPoint,
			ObjectProvider<ServletResourceServerTokens> tokens, ObjectProvider<ApiKeyAuthenticationManager> apiKeys)
			throws Exception {
		McpSecurityConfigurer configurer = new McpSecurityConfigurer(
				McpSecurityConfiguration.mcpPaths(serverProperties), entryPoint);
		boolean oauth2 = tokens.orderedStream()
			.map((token) -> token.applyTo(configurer))
			.reduce(false, Boolean::logicalOr);
		return configurer
			.apiKeys(apiKeys.getIfAvailable(),
					new ApiKeyAuthenticationConverter(McpSecurityConfiguration.apiKeyConverter(properties, oauth2)))
			.build(http);
	}

	/**
	 * Adds OAuth 2 access token validation to the servlet filter chain; declared only
	 * with the resource server libraries on the classpath.
	 */
	@FunctionalInterface
	interface ServletResourceServerTokens {

		/**
		 * Hand the token decoder or introspector, if there is one, to the configurer.
		 * @param configurer the configurer of the MCP filter chain
		 * @return whether access tokens are validated
		 */
		boolean applyTo(McpSecurityConfigurer configurer);

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JwtDecoder.class, BearerTokenAuthenticationToken.class })
	static class JwtConfiguration {

		@Bean
		ServletResourceServerTokens mcpServletJwtTokens(ObjectProvider<JwtDecoder> jwtDecoder, Environment environment,
				McpSecurityProperties properties) {
			return (configurer) -> {
				JwtDecoder decoder = jwtDecoder.getIfAvailable();
				configurer.jwt((decoder != null) ? JwtAudiences.of(environment, properties).check(decoder) : null);
				return decoder != null;
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ OpaqueTokenIntrospector.class, BearerTokenAuthenticationToken.class })
	static class OpaqueTokenConfiguration {

		@Bean
		ServletResourceServerTokens mcpServletOpaqueTokens(ObjectProvider<OpaqueTokenIntrospector> introspector) {
			return (configurer) -> {
				OpaqueTokenIntrospector tokenIntrospector = introspector.getIfAvailable();
				configurer.opaqueToken(tokenIntrospector);
				return tokenIntrospector != null;
			};
		}

		@Bean
		static BeanPostProcessor mcpServletOpaqueTokenAudienceValidator(
				ObjectProvider<McpSecurityProperties> properties) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!(bean instanceof OpaqueTokenIntrospector introspector)
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
