package dev.mcpspring.oauthbridge.autoconfigure;

import dev.mcpspring.oauthbridge.ClientIdMetadataDocumentResolver;
import dev.mcpspring.oauthbridge.ExpiringRegisteredClientRepository;
import dev.mcpspring.oauthbridge.OAuthBridgeSecurityConfigurer;
import dev.mcpspring.oauthbridge.ResourceAudienceTokenCustomizer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

class OAuthBridgeAutoConfigurationTests {

	private static final String[] UPSTREAM = { "spring.security.oauth2.client.registration.idp.client-id=bridge",
			"spring.security.oauth2.client.registration.idp.client-secret=secret",
			"spring.security.oauth2.client.registration.idp.authorization-grant-type=authorization_code",
			"spring.security.oauth2.client.registration.idp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
			"spring.security.oauth2.client.provider.idp.authorization-uri=https://idp.example/authorize",
			"spring.security.oauth2.client.provider.idp.token-uri=https://idp.example/token" };

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OAuthBridgeAutoConfiguration.class,
				OAuth2AuthorizationServerAutoConfiguration.class, OAuth2AuthorizationServerJwtAutoConfiguration.class,
				OAuth2ClientAutoConfiguration.class, OAuth2ClientWebSecurityAutoConfiguration.class,
				SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
		.withPropertyValues(UPSTREAM);

	@Test
	void offUnlessEnabled() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(OAuthBridgeSecurityConfigurer.class));
	}

	@Test
	void enabledBridgeHasItsChainsRepositoryAndTokenCustomizer() {
		this.runner
			.withPropertyValues("mcp.oauth-bridge.enabled=true", "mcp.oauth-bridge.resources=https://mcp.example/mcp",
					"mcp.oauth-bridge.scopes=mcp:read")
			.run((context) -> {
				assertThat(context).hasSingleBean(ExpiringRegisteredClientRepository.class)
					.hasSingleBean(ResourceAudienceTokenCustomizer.class)
					.hasBean("mcpOAuthBridgeAuthorizationServerFilterChain")
					.hasBean("mcpOAuthBridgeLoginFilterChain");
				assertThat(context.getBeansOfType(SecurityFilterChain.class)).hasSize(2);
			});
	}

	@Test
	void clientIdMetadataDocumentsAreOffUnlessEnabled() {
		this.runner
			.withPropertyValues("mcp.oauth-bridge.enabled=true", "mcp.oauth-bridge.resources=https://mcp.example/mcp",
					"mcp.oauth-bridge.scopes=mcp:read")
			.run((context) -> assertThat(context).doesNotHaveBean(ClientIdMetadataDocumentResolver.class));
		this.runner
			.withPropertyValues("mcp.oauth-bridge.enabled=true", "mcp.oauth-bridge.resources=https://mcp.example/mcp",
					"mcp.oauth-bridge.scopes=mcp:read", "mcp.oauth-bridge.client-id-metadata-documents.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(ClientIdMetadataDocumentResolver.class));
	}

	@Test
	void backsOffFromARegisteredClientRepositoryOfTheApplication() {
		this.runner
			.withPropertyValues("mcp.oauth-bridge.enabled=true", "mcp.oauth-bridge.resources=https://mcp.example/mcp",
					"mcp.oauth-bridge.scopes=mcp:read")
			.withBean(RegisteredClientRepository.class,
					() -> new InMemoryRegisteredClientRepository(RegisteredClient.withId("static")
						.clientId("static")
						.clientSecret("{noop}secret")
						.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
						.build()))
			.run((context) -> assertThat(context).hasSingleBean(RegisteredClientRepository.class)
				.doesNotHaveBean(ExpiringRegisteredClientRepository.class)
				.hasSingleBean(OAuthBridgeSecurityConfigurer.class));
	}

	@Test
	void failsWithoutResources() {
		this.runner.withPropertyValues("mcp.oauth-bridge.enabled=true", "mcp.oauth-bridge.scopes=mcp:read")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("mcp.oauth-bridge.resources must list the URI of at least one MCP server"));
	}

	@Test
	void failsWithoutScopes() {
		this.runner
			.withPropertyValues("mcp.oauth-bridge.enabled=true", "mcp.oauth-bridge.resources=https://mcp.example/mcp")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("mcp.oauth-bridge.scopes must list at least one scope"));
	}

	@Test
	void failsWithAnUnknownUpstreamRegistration() {
		this.runner
			.withPropertyValues("mcp.oauth-bridge.enabled=true", "mcp.oauth-bridge.resources=https://mcp.example/mcp",
					"mcp.oauth-bridge.scopes=mcp:read", "mcp.oauth-bridge.upstream-registration=other")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("'other' names no spring.security.oauth2.client.registration"));
	}

	@Test
	void offWithoutSpringAuthorizationServer() {
		this.runner.withPropertyValues("mcp.oauth-bridge.enabled=true")
			.withClassLoader(new FilteredClassLoader(OAuth2AuthorizationServerConfigurer.class))
			.run((context) -> assertThat(context).doesNotHaveBean(OAuthBridgeSecurityConfigurer.class));
	}

	@Test
	void offWithoutOAuth2Client() {
		this.runner.withPropertyValues("mcp.oauth-bridge.enabled=true")
			.withClassLoader(new FilteredClassLoader(ClientRegistrationRepository.class))
			.run((context) -> assertThat(context).doesNotHaveBean(OAuthBridgeSecurityConfigurer.class));
	}

}
