package dev.mcpspring.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.util.Assert;

/**
 * Checks API keys against a fixed set of named keys, for internal deployments without an
 * authorization server. Keys are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual(byte[], byte[])}, always against every key, so the time
 * taken reveals neither a key nor its length. Each key grants its scopes as
 * {@code SCOPE_} authorities.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

	private final List<Entry> entries;

	/**
	 * Create a manager.
	 * @param keys the accepted keys
	 */
	public ApiKeyAuthenticationManager(Collection<ApiKey> keys) {
		Assert.notEmpty(keys, "At least one API key is required");
		this.entries = keys.stream().map((key) -> new Entry(key, digest(key.key()))).toList();
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		if (!(authentication instanceof ApiKeyAuthenticationToken token)
				|| !(token.getCredentials() instanceof String presented)) {
			return Mono.empty();
		}
		byte[] digest = digest(presented);
		ApiKey match = null;
		for (Entry entry : this.entries) {
			if (MessageDigest.isEqual(entry.digest(), digest) && match == null) {
				match = entry.key();
			}
		}
		if (match == null) {
			return Mono.error(new BadCredentialsException("Invalid API key"));
		}
		return Mono.just(ApiKeyAuthenticationToken.authenticated(match.name(),
				match.scopes()
					.stream()
					.map((scope) -> new SimpleGrantedAuthority(GrantedScopes.AUTHORITY_PREFIX + scope))
					.toList()));
	}

	private static byte[] digest(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One accepted API key.
	 *
	 * @param name the client the key belongs to, used as principal name
	 * @param key the secret key
	 * @param scopes the scopes the key grants
	 */
	public record ApiKey(String name, String key, List<String> scopes) {

		/**
		 * Create a key, checking it is long enough to resist guessing.
		 */
		public ApiKey {
			Assert.hasText(name, "API key name is required");
			Assert.isTrue(key != null && key.length() >= 16,
					() -> "API key '" + name + "' must be at least 16 characters long");
			scopes = List.copyOf(scopes);
		}

		@Override
		public String toString() {
			return "ApiKey[name=" + this.name + ", scopes=" + this.scopes + "]";
		}

	}

	private record Entry(ApiKey key, byte[] digest) {

	}

}
