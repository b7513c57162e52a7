package dev.mcpspring.oauthbridge;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.util.Assert;

/**
 * Makes the MCP server that the authorization request named with its RFC 8707
 * {@code resource} parameter the only audience ({@code aud}) of the access token, so that
 * the token is accepted by that server and refused by every other one. A token request
 * that names another resource than the authorization request is refused with
 * {@code invalid_target}. The subject stays the name of the user as the upstream identity
 * provider knows it.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ResourceAudienceTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final McpResources resources;

	/**
	 * Create a customizer.
	 * @param resources the MCP servers tokens may be issued for
	 */
	public ResourceAudienceTokenCustomizer(McpResources resources) {
		Assert.notNull(resources, "McpResources is required");
		this.resources = resources;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		OAuth2Authorization authorization = context.getAuthorization();
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType()) || authorization == null) {
			return;
		}
		OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
		if (request == null) {
			return;
		}
		String resource = this.resources.select(request.getAdditionalParameters());
		Authentication grant = context.getAuthorizationGrant();
		if (resource == null || (grant instanceof OAuth2AuthorizationGrantAuthenticationToken token
				&& token.getAdditionalParameters().containsKey(McpResources.PARAMETER)
				&& !resource.equals(this.resources.select(token.getAdditionalParameters())))) {
			throw new OAuth2AuthenticationException(McpResources.invalidTarget());
		}
		context.getClaims().audience(List.of(resource));
	}

}
