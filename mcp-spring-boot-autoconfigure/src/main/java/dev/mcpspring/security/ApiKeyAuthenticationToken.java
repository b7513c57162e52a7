package dev.mcpspring.security;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * An API key presented by a client, and once checked, the named client it belongs to.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ApiKeyAuthenticationToken extends AbstractAuthenticationToken {

	private final String name;

	private final @Nullable String key;

	private ApiKeyAuthenticationToken(String name, @Nullable String key,
			Collection<? extends GrantedAuthority> authorities, boolean authenticated) {
		super(authorities);
		this.name = name;
		this.key = key;
		setAuthenticated(authenticated);
	}

	/**
	 * Create an unchecked token holding a presented key.
	 * @param key the key
	 * @return the token
	 */
	public static ApiKeyAuthenticationToken unauthenticated(String key) {
		return new ApiKeyAuthenticationToken("api-key", key, List.of(), false);
	}

	/**
	 * Create a checked token for a named key.
	 * @param name the name of the key, which becomes the principal name
	 * @param authorities the authorities, {@code SCOPE_} ones for scopes
	 * @return the token, without the key
	 */
	public static ApiKeyAuthenticationToken authenticated(String name,
			Collection<? extends GrantedAuthority> authorities) {
		return new ApiKeyAuthenticationToken(name, null, authorities, true);
	}

	@Override
	public @Nullable Object getCredentials() {
		return this.key;
	}

	@Override
	public Object getPrincipal() {
		return this.name;
	}

	@Override
	public String getName() {
		return this.name;
	}

}
