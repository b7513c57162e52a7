package dev.mcpspring.security.servlet;

import java.util.Collection;
import java.util.List;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.util.Assert;

/**
 * Rejects introspected opaque tokens that were not issued for this MCP server, on a
 * servlet container, as
 * {@link dev.mcpspring.security.AudienceValidatingOpaqueTokenIntrospector} does on
 * WebFlux.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class AudienceValidatingOpaqueTokenIntrospector implements OpaqueTokenIntrospector {

	private final OpaqueTokenIntrospector delegate;

	private final Collection<String> audiences;

	/**
	 * Create an introspector.
	 * @param delegate the introspector to decorate
	 * @param audiences the accepted audiences, one of which the token must carry
	 */
	public AudienceValidatingOpaqueTokenIntrospector(OpaqueTokenIntrospector delegate, Collection<String> audiences) {
		Assert.notNull(delegate, "OpaqueTokenIntrospector is required");
		Assert.notEmpty(audiences, "Audiences are required");
		this.delegate = delegate;
		this.audiences = List.copyOf(audiences);
	}

	@Override
	public OAuth2AuthenticatedPrincipal introspect(String token) {
		OAuth2AuthenticatedPrincipal principal = this.delegate.introspect(token);
		if (!dev.mcpspring.security.AudienceValidatingOpaqueTokenIntrospector.hasAudience(principal, this.audiences)) {
			throw new BadOpaqueTokenException("Token was not issued for this resource");
		}
		return principal;
	}

}
