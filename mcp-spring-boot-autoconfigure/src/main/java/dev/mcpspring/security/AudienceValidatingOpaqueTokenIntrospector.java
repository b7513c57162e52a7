package dev.mcpspring.security;

import java.util.Collection;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import org.springframework.util.Assert;

/**
 * Decorates a {@link ReactiveOpaqueTokenIntrospector} to accept only tokens whose
 * {@code aud} claim names this resource, so that tokens issued for other services are
 * refused.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#token-audience-binding-and-validation">Token
 * audience binding</a>
 */
public class AudienceValidatingOpaqueTokenIntrospector implements ReactiveOpaqueTokenIntrospector {

	private final ReactiveOpaqueTokenIntrospector delegate;

	private final Collection<String> audiences;

	/**
	 * Create an introspector.
	 * @param delegate the introspector to decorate
	 * @param audiences the accepted audiences, one of which the token must carry
	 */
	public AudienceValidatingOpaqueTokenIntrospector(ReactiveOpaqueTokenIntrospector delegate,
			Collection<String> audiences) {
		Assert.notNull(delegate, "ReactiveOpaqueTokenIntrospector is required");
		Assert.notEmpty(audiences, "Audiences are required");
		this.delegate = delegate;
		this.audiences = List.copyOf(audiences);
	}

	@Override
	public Mono<OAuth2AuthenticatedPrincipal> introspect(String token) {
		return this.delegate.introspect(token)
			.flatMap((principal) -> hasAudience(principal, this.audiences) ? Mono.just(principal)
					: Mono.error(new BadOpaqueTokenException("Token was not issued for this resource")));
	}

	/**
	 * Whether an introspected token carries one of the accepted audiences.
	 * @param principal the introspected token
	 * @param audiences the accepted audiences
	 * @return {@code true} if its {@code aud} holds one of them
	 */
	public static boolean hasAudience(OAuth2AuthenticatedPrincipal principal, Collection<String> audiences) {
		Object aud = principal.getAttribute("aud");
		Collection<?> values = (aud instanceof Collection<?> collection) ? collection
				: (aud != null) ? List.of(aud) : List.of();
		return values.stream().map(String::valueOf).anyMatch(audiences::contains);
	}

}
