package dev.mcpspring.security;

import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;

/**
 * The {@code 401} answer to an unauthenticated MCP request, the same on WebFlux and on a
 * servlet container: a Bearer challenge that points at the protected resource metadata,
 * with {@code error="invalid_token"} when a token was presented but rejected, and a
 * JSON-RPC error body. The reason is never detailed and the token never echoed.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#protected-resource-metadata-discovery-requirements">Protected
 * resource metadata discovery</a>
 */
public final class BearerChallenge {

	private static final byte[] BODY = ("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":"
			+ JsonRpcErrorCodes.INVALID_REQUEST + ",\"message\":\"Unauthorized\"}}")
		.getBytes(StandardCharsets.UTF_8);

	private final String resourceMetadataUrl;

	private final @Nullable String scope;

	/**
	 * Create a challenge.
	 * @param metadata the protected resource metadata; its {@code scopes_supported}
	 * become the challenge's {@code scope}
	 */
	public BearerChallenge(ProtectedResourceMetadata metadata) {
		this.resourceMetadataUrl = metadata.metadataUrl();
		this.scope = metadata.scopesSupported().isEmpty() ? null : String.join(" ", metadata.scopesSupported());
	}

	/**
	 * Return the {@code WWW-Authenticate} header value for a failure.
	 * @param ex the authentication failure
	 * @return the challenge
	 */
	public String header(AuthenticationException ex) {
		StringBuilder challenge = new StringBuilder("Bearer");
		if (isInvalidToken(ex)) {
			challenge.append(" error=\"invalid_token\",");
		}
		challenge.append(" resource_metadata=\"").append(this.resourceMetadataUrl).append('"');
		if (this.scope != null) {
			challenge.append(", scope=\"").append(this.scope).append('"');
		}
		return challenge.toString();
	}

	/**
	 * Return the JSON body of the {@code 401} answer.
	 * @return a copy of the body
	 */
	public byte[] body() {
		return BODY.clone();
	}

	/**
	 * Whether a credential was presented and rejected, as opposed to missing: on a
	 * servlet container a request without one reaches the entry point as an anonymous
	 * caller, with an {@link InsufficientAuthenticationException}.
	 * @param ex the authentication failure
	 * @return {@code true} for a rejected token or key
	 */
	private static boolean isInvalidToken(AuthenticationException ex) {
		return !(ex instanceof AuthenticationCredentialsNotFoundException
				|| ex instanceof InsufficientAuthenticationException);
	}

}
