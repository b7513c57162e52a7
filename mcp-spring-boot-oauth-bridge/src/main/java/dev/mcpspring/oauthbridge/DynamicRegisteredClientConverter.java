package dev.mcpspring.oauthbridge;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.server.authorization.OAuth2ClientRegistration;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.converter.OAuth2ClientRegistrationRegisteredClientConverter;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * Turns an accepted dynamic client registration into a {@link RegisteredClient} that must
 * use PKCE and ask the user for consent. A client that names no scope gets every allowed
 * scope, so that it can ask for the scopes the MCP server's challenge names.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class DynamicRegisteredClientConverter implements Converter<OAuth2ClientRegistration, RegisteredClient> {

	private final Converter<OAuth2ClientRegistration, RegisteredClient> delegate = new OAuth2ClientRegistrationRegisteredClientConverter();

	private final Set<String> allowedScopes;

	/**
	 * Create a converter.
	 * @param allowedScopes the scopes given to a client that registers without any
	 */
	public DynamicRegisteredClientConverter(Collection<String> allowedScopes) {
		this.allowedScopes = Set.copyOf(allowedScopes);
	}

	@Override
	public RegisteredClient convert(OAuth2ClientRegistration registration) {
		RegisteredClient client = this.delegate.convert(registration);
		List<String> requested = registration.getScopes();
		Collection<String> scopes = (requested != null && !requested.isEmpty()) ? requested : this.allowedScopes;
		return RegisteredClient.from(client).scopes((granted) -> {
			granted.clear();
			granted.addAll(scopes);
		})
			.clientSettings(ClientSettings.withSettings(client.getClientSettings().getSettings())
				.requireProofKey(true)
				.requireAuthorizationConsent(true)
				.build())
			.build();
	}

}
