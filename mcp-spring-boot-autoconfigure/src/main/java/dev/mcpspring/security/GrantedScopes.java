package dev.mcpspring.security;

import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Reads the OAuth scopes granted to a caller from its {@code SCOPE_} authorities, as
 * Spring Security's JWT and opaque token support and {@link ApiKeyAuthenticationManager}
 * create them.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class GrantedScopes {

	/**
	 * Prefix of authorities that stand for scopes.
	 */
	public static final String AUTHORITY_PREFIX = "SCOPE_";

	private GrantedScopes() {
	}

	/**
	 * Return the scopes granted to a caller.
	 * @param principal the caller, or {@code null}
	 * @return the scopes, empty for an anonymous caller or one without authorities
	 */
	public static Set<String> of(@Nullable Principal principal) {
		if (!(principal instanceof Authentication authentication)) {
			return Set.of();
		}
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith(AUTHORITY_PREFIX))
			.map((authority) -> authority.substring(AUTHORITY_PREFIX.length()))
			.collect(Collectors.toUnmodifiableSet());
	}

}
