package dev.mcpspring.oauthbridge;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientRegistrationAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.util.Assert;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * Builds the two security filter chains of the bridge: the authorization server endpoints
 * (open dynamic client registration, authorization with consent, token, keys and
 * metadata), and everything else, where users log in at the upstream identity provider
 * with {@code oauth2Login}. An unauthenticated authorization request is sent to that
 * login, then back to the consent page.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class OAuthBridgeSecurityConfigurer {

	private final DynamicClientRegistrationValidator registrationValidator;

	private final DynamicRegisteredClientConverter clientConverter;

	private final ResourceIndicatorValidator resourceValidator;

	private final AuthorizationServerSettings settings;

	private final String loginPath;

	private boolean clientIdMetadataDocumentSupported;

	/**
	 * Create a configurer.
	 * @param registrationValidator decides which dynamic client registrations are
	 * accepted
	 * @param clientConverter turns an accepted registration into a registered client
	 * @param resourceValidator checks authorization requests and their resource parameter
	 * @param settings the endpoints of the authorization server
	 * @param loginPath where unauthenticated users are sent to log in, such as
	 * {@code /oauth2/authorization/idp}
	 */
	public OAuthBridgeSecurityConfigurer(DynamicClientRegistrationValidator registrationValidator,
			DynamicRegisteredClientConverter clientConverter, ResourceIndicatorValidator resourceValidator,
			AuthorizationServerSettings settings, String loginPath) {
		Assert.notNull(registrationValidator, "DynamicClientRegistrationValidator is required");
		Assert.notNull(clientConverter, "DynamicRegisteredClientConverter is required");
		Assert.notNull(resourceValidator, "ResourceIndicatorValidator is required");
		Assert.notNull(settings, "AuthorizationServerSettings is required");
		Assert.hasText(loginPath, "loginPath is required");
		this.registrationValidator = registrationValidator;
		this.clientConverter = clientConverter;
		this.resourceValidator = resourceValidator;
		this.settings = settings;
		this.loginPath = loginPath;
	}

	/**
	 * Set whether client IDs may be URLs of client ID metadata documents, which the
	 * metadata then advertises with {@code client_id_metadata_document_supported}.
	 * @param supported whether the registered client repository resolves such client IDs
	 */
	public void setClientIdMetadataDocumentSupported(boolean supported) {
		this.clientIdMetadataDocumentSupported = supported;
	}

	/**
	 * Build the chain of the authorization server endpoints.
	 * @param http the builder of the chain
	 * @return the chain
	 * @throws Exception when Spring Security cannot build it
	 */
	public SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
		OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(server.getEndpointsMatcher())
			.with(server,
					(endpoints) -> endpoints
						.clientRegistrationEndpoint((registration) -> registration.openRegistrationAllowed(true)
							.authenticationProviders(this::configureRegistration))
						.authorizationEndpoint(
								(authorization) -> authorization.authenticationProviders(this::configureAuthorization))
						.authorizationServerMetadataEndpoint(
								(metadata) -> metadata.authorizationServerMetadataCustomizer((builder) -> {
									builder.tokenEndpointAuthenticationMethods(this::addPublicClients);
									if (this.clientIdMetadataDocumentSupported) {
										builder.claim("client_id_metadata_document_supported", true);
									}
								})))
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers(HttpMethod.POST, this.settings.getClientRegistrationEndpoint())
				.permitAll()
				.anyRequest()
				.authenticated())
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint(this.loginPath),
					PathPatternRequestMatcher.withDefaults().matcher(this.settings.getAuthorizationEndpoint())));
		return http.build();
	}

	/**
	 * Build the chain of every other request: users log in at the upstream identity
	 * provider.
	 * @param http the builder of the chain
	 * @return the chain
	 * @throws Exception when Spring Security cannot build it
	 */
	public SecurityFilterChain login(HttpSecurity http) throws Exception {
		// metadata the authorization server does not serve (OpenID Connect discovery) is
		// not found rather than a redirect to the login: clients probe it
		http.authorizeHttpRequests((authorize) -> authorize.requestMatchers("/.well-known/**", "/error")
			.permitAll()
			.anyRequest()
			.authenticated()).oauth2Login(withDefaults());
		return http.build();
	}

	private void addPublicClients(List<String> methods) {
		// the clients that register here authenticate with PKCE only (RFC 8414)
		if (!methods.contains(ClientAuthenticationMethod.NONE.getValue())) {
			methods.add(ClientAuthenticationMethod.NONE.getValue());
		}
	}

	private void configureRegistration(List<AuthenticationProvider> providers) {
		for (AuthenticationProvider provider : providers) {
			if (provider instanceof OAuth2ClientRegistrationAuthenticationProvider registration) {
				registration.setOpenRegistrationAllowed(true);
				registration.setAuthenticationValidator(this.registrationValidator);
				registration.setRegisteredClientConverter(this.clientConverter);
			}
		}
	}

	private void configureAuthorization(List<AuthenticationProvider> providers) {
		for (AuthenticationProvider provider : providers) {
			if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider authorization) {
				authorization.setAuthenticationValidator(this.resourceValidator);
			}
		}
	}

}
