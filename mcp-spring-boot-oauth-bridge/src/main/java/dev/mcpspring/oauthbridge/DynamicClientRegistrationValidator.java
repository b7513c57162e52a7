package dev.mcpspring.oauthbridge;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponseType;
import org.springframework.security.oauth2.server.authorization.OAuth2ClientRegistration;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientRegistrationAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientRegistrationAuthenticationToken;
import org.springframework.util.Assert;

/**
 * Decides which open dynamic client registrations (RFC 7591) the bridge accepts. Anyone
 * may register without an initial access token, so only what MCP clients need is allowed:
 * public clients ({@code token_endpoint_auth_method=none}, which must use PKCE), the
 * authorization code grant, redirect URIs on the loopback interface (RFC 8252) or among
 * the configured ones, the configured scopes, and no more clients than the repository
 * holds.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2">RFC 7591, 3.2.2.
 * Client Registration Error Response</a>
 */
public class DynamicClientRegistrationValidator implements Consumer<OAuth2ClientRegistrationAuthenticationContext> {

	private static final String ERROR_URI = "https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2";

	private static final Set<String> GRANT_TYPES = Set.of(AuthorizationGrantType.AUTHORIZATION_CODE.getValue(),
			AuthorizationGrantType.REFRESH_TOKEN.getValue());

	private static final Set<String> WEB_SCHEMES = Set.of("http", "https");

	private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

	private static final Log logger = LogFactory.getLog(DynamicClientRegistrationValidator.class);

	private final BooleanSupplier hasCapacity;

	private final Set<String> allowedScopes;

	private final List<String> allowedRedirectUris;

	/**
	 * Create a validator.
	 * @param hasCapacity whether the repository of registered clients has room for one
	 * more, such as {@link ExpiringRegisteredClientRepository#hasCapacity()}
	 * @param allowedScopes the scopes a client may register for
	 * @param allowedRedirectUris redirect URIs allowed besides loopback ones: exact URIs,
	 * or prefixes ending with {@code *}
	 */
	public DynamicClientRegistrationValidator(BooleanSupplier hasCapacity, Collection<String> allowedScopes,
			Collection<String> allowedRedirectUris) {
		Assert.notNull(hasCapacity, "hasCapacity is required");
		this.hasCapacity = hasCapacity;
		this.allowedScopes = Set.copyOf(allowedScopes);
		this.allowedRedirectUris = List.copyOf(allowedRedirectUris);
	}

	@Override
	public void accept(OAuth2ClientRegistrationAuthenticationContext context) {
		OAuth2ClientRegistrationAuthenticationToken authentication = context.getAuthentication();
		OAuth2ClientRegistration registration = authentication.getClientRegistration();
		List<String> redirectUris = registration.getRedirectUris();
		if (redirectUris == null || redirectUris.isEmpty()
				|| !redirectUris.stream().allMatch(this::isAllowedRedirectUri)) {
			reject("invalid_redirect_uri", "Redirect URIs must be loopback URIs or configured ones");
		}
		if (!ClientAuthenticationMethod.NONE.getValue().equals(registration.getTokenEndpointAuthenticationMethod())) {
			reject("invalid_client_metadata",
					"Only public clients register here: token_endpoint_auth_method must be " + "'none'");
		}
		if (registration.getGrantTypes() != null && !GRANT_TYPES.containsAll(registration.getGrantTypes())) {
			reject("invalid_client_metadata", "Only the authorization_code and refresh_token grant types are allowed");
		}
		List<String> responseTypes = registration.getResponseTypes();
		if (responseTypes != null
				&& !List.of(OAuth2AuthorizationResponseType.CODE.getValue()).containsAll(responseTypes)) {
			reject("invalid_client_metadata", "Only the code response type is allowed");
		}
		if (registration.getScopes() != null && !this.allowedScopes.containsAll(registration.getScopes())) {
			reject("invalid_client_metadata", "Scopes must be among " + this.allowedScopes.stream().sorted().toList());
		}
		if (registration.getJwkSetUrl() != null) {
			reject("invalid_client_metadata", "Public clients have no keys: jwks_uri is not allowed");
		}
		if (!this.hasCapacity.getAsBoolean()) {
			reject("temporarily_unavailable", "Too many registered clients, try again later");
		}
	}

	private boolean isAllowedRedirectUri(String redirectUri) {
		URI uri;
		try {
			uri = new URI(redirectUri);
		}
		catch (URISyntaxException ex) {
			return false;
		}
		if (uri.getFragment() != null || uri.getScheme() == null || uri.getRawAuthority() == null) {
			return false;
		}
		if (WEB_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT)) && uri.getHost() != null
				&& LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT)) && uri.getRawUserInfo() == null) {
			return true;
		}
		return this.allowedRedirectUris.stream()
			.anyMatch((allowed) -> allowed.endsWith("*")
					? redirectUri.startsWith(allowed.substring(0, allowed.length() - 1)) : redirectUri.equals(allowed));
	}

	private static void reject(String errorCode, String description) {
		if (logger.isDebugEnabled()) {
			logger.debug("Refused a dynamic client registration: " + description);
		}
		throw new OAuth2AuthenticationException(new OAuth2Error(errorCode, description, ERROR_URI));
	}

}
