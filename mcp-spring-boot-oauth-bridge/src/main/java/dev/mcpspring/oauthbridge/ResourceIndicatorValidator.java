package dev.mcpspring.oauthbridge;

import java.util.function.Consumer;

import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.util.Assert;

/**
 * Checks authorization requests as Spring Authorization Server does (redirect URI and
 * scopes), then checks that their RFC 8707 {@code resource} parameter names one of the
 * MCP servers, before the user is asked to log in. Otherwise the client gets
 * {@code error=invalid_target} at its redirect URI.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ResourceIndicatorValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

	private final Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> defaults = new OAuth2AuthorizationCodeRequestAuthenticationValidator();

	private final McpResources resources;

	/**
	 * Create a validator.
	 * @param resources the MCP servers tokens may be asked for
	 */
	public ResourceIndicatorValidator(McpResources resources) {
		Assert.notNull(resources, "McpResources is required");
		this.resources = resources;
	}

	@Override
	public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		this.defaults.accept(context);
		OAuth2AuthorizationCodeRequestAuthenticationToken authentication = context.getAuthentication();
		if (this.resources.select(authentication.getAdditionalParameters()) == null) {
			throw new OAuth2AuthorizationCodeRequestAuthenticationException(McpResources.invalidTarget(),
					authentication);
		}
	}

}
