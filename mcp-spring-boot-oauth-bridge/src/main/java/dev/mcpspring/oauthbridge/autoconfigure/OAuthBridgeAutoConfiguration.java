package dev.mcpspring.oauthbridge.autoconfigure;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.mcpspring.oauthbridge.ClientIdMetadataDocumentResolver;
import dev.mcpspring.oauthbridge.DynamicClientRegistrationValidator;
import dev.mcpspring.oauthbridge.DynamicRegisteredClientConverter;
import dev.mcpspring.oauthbridge.ExpiringRegisteredClientRepository;
import dev.mcpspring.oauthbridge.McpResources;
import dev.mcpspring.oauthbridge.OAuthBridgeSecurityConfigurer;
import dev.mcpspring.oauthbridge.ResourceAudienceTokenCustomizer;
import dev.mcpspring.oauthbridge.ResourceIndicatorValidator;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.Assert;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the MCP OAuth bridge: a Spring
 * Authorization Server that MCP clients register with, that logs users in at the upstream
 * identity provider of {@code spring.security.oauth2.client.*} and issues tokens whose
 * audience is the MCP server they asked for.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(
		before = { OAuth2AuthorizationServerAutoConfiguration.class, OAuth2ClientWebSecurityAutoConfiguration.class })
@ConditionalOnClass({ OAuth2AuthorizationServerConfigurer.class, ClientRegistrationRepository.class })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnBooleanProperty(name = "mcp.oauth-bridge.enabled")
@EnableConfigurationProperties(OAuthBridgeProperties.class)
public final class OAuthBridgeAutoConfiguration {

	private static final String LOGIN_PAGE = "/login";

	private static final String AUTHORIZATION_REQUEST_PATH = "/oauth2/authorization/";

	@Bean
	@ConditionalOnMissingBean
	McpResources mcpResources(OAuthBridgeProperties properties) {
		Assert.state(!properties.getResources().isEmpty(),
				"mcp.oauth-bridge.resources must list the URI of at least one MCP server");
		Assert.state(!properties.getScopes().isEmpty(),
				"mcp.oauth-bridge.scopes must list at least one scope: the user consents to scopes");
		return new McpResources(properties.getResources());
	}

	@Bean
	@ConditionalOnMissingBean(RegisteredClientRepository.class)
	ExpiringRegisteredClientRepository registeredClientRepository(OAuthBridgeProperties properties) {
		OAuthBridgeProperties.Registration registration = properties.getRegistration();
		return new ExpiringRegisteredClientRepository(registration.getMaxClients(), registration.getTimeToLive(),
				Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	DynamicClientRegistrationValidator dynamicClientRegistrationValidator(OAuthBridgeProperties properties,
			RegisteredClientRepository clients) {
		return new DynamicClientRegistrationValidator(
				(clients instanceof ExpiringRegisteredClientRepository expiring) ? expiring::hasCapacity : () -> true,
				properties.getScopes(), properties.getRegistration().getRedirectUris());
	}

	@Bean
	@ConditionalOnMissingBean
	DynamicRegisteredClientConverter dynamicRegisteredClientConverter(OAuthBridgeProperties properties) {
		return new DynamicRegisteredClientConverter(properties.getScopes());
	}

	@Bean
	@ConditionalOnMissingBean
	ResourceIndicatorValidator resourceIndicatorValidator(McpResources resources) {
		return new ResourceIndicatorValidator(resources);
	}

	@Bean
	@ConditionalOnMissingBean
	ResourceAudienceTokenCustomizer resourceAudienceTokenCustomizer(McpResources resources) {
		return new ResourceAudienceTokenCustomizer(resources);
	}

	@Bean
	@ConditionalOnMissingBean
	OAuthBridgeSecurityConfigurer oauthBridgeSecurityConfigurer(DynamicClientRegistrationValidator registrations,
			DynamicRegisteredClientConverter clients, ResourceIndicatorValidator resources,
			AuthorizationServerSettings settings, OAuthBridgeProperties properties,
			ObjectProvider<ClientRegistrationRepository> upstream) {
		OAuthBridgeSecurityConfigurer configurer = new OAuthBridgeSecurityConfigurer(registrations, clients, resources,
				settings, loginPath(properties, upstream.getIfAvailable()));
		configurer.setClientIdMetadataDocumentSupported(properties.getClientIdMetadataDocuments().isEnabled());
		return configurer;
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "mcp.oauth-bridge.client-id-metadata-documents.enabled")
	ClientIdMetadataDocumentResolver clientIdMetadataDocumentResolver(OAuthBridgeProperties properties,
			DynamicClientRegistrationValidator registrations, DynamicRegisteredClientConverter clients,
			ObjectProvider<SslBundles> sslBundles, RegisteredClientRepository repository) {
		OAuthBridgeProperties.ClientIdMetadataDocuments documents = properties.getClientIdMetadataDocuments();
		HttpClient.Builder http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(documents.getTimeout());
		if (documents.getSslBundle() != null) {
			http.sslContext(sslBundles.getObject().getBundle(documents.getSslBundle()).createSslContext());
		}
		ClientIdMetadataDocumentResolver resolver = new ClientIdMetadataDocumentResolver(http.build(),
				documents.getTimeout(), registrations, clients);
		if (repository instanceof ExpiringRegisteredClientRepository expiring) {
			expiring.setResolver(resolver, documents.getTimeToLive());
		}
		return resolver;
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@ConditionalOnMissingBean(name = "mcpOAuthBridgeAuthorizationServerFilterChain")
	SecurityFilterChain mcpOAuthBridgeAuthorizationServerFilterChain(HttpSecurity http,
			OAuthBridgeSecurityConfigurer configurer) throws Exception {
		return configurer.authorizationServer(http);
	}

	@Bean
	@Order(SecurityFilterProperties.BASIC_AUTH_ORDER)
	@ConditionalOnMissingBean(name = "mcpOAuthBridgeLoginFilterChain")
	SecurityFilterChain mcpOAuthBridgeLoginFilterChain(HttpSecurity http, OAuthBridgeSecurityConfigurer configurer)
			throws Exception {
		return configurer.login(http);
	}

	/**
	 * Where users log in: straight at the upstream identity provider when there is one,
	 * or on Spring Security's page listing them.
	 */
	private static String loginPath(OAuthBridgeProperties properties, @Nullable ClientRegistrationRepository upstream) {
		if (properties.getUpstreamRegistration() != null) {
			Assert.state(
					upstream != null && upstream.findByRegistrationId(properties.getUpstreamRegistration()) != null,
					() -> "mcp.oauth-bridge.upstream-registration '" + properties.getUpstreamRegistration()
							+ "' names no spring.security.oauth2.client.registration");
			return AUTHORIZATION_REQUEST_PATH + properties.getUpstreamRegistration();
		}
		Assert.state(upstream != null, "The OAuth bridge logs users in at an upstream identity provider: configure "
				+ "one with spring.security.oauth2.client.registration.*");
		List<String> ids = new ArrayList<>();
		if (upstream instanceof Iterable<?> registrations) {
			registrations.forEach((registration) -> ids.add(((ClientRegistration) registration).getRegistrationId()));
		}
		return (ids.size() == 1) ? AUTHORIZATION_REQUEST_PATH + ids.get(0) : LOGIN_PAGE;
	}

}
