package dev.mcpspring.security;

import java.nio.charset.StandardCharsets;

import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers unauthenticated MCP requests with {@code 401} and a Bearer challenge that
 * points at the protected resource metadata, adding {@code error="invalid_token"} when
 * a token was presented but rejected. The reason is never detailed and the token never
 * echoed.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#protected-resource-metadata-discovery-requirements">Protected
 * resource metadata discovery</a>
 */
public class McpBearerTokenEntryPoint implements ServerAuthenticationEntryPoint {

	private static final byte[] BODY = ("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":" + JsonRpcErrorCodes.INVALID_REQUEST
			+ ",\"message\":\"Unauthorized\"}}")
		.getBytes(StandardCharsets.UTF_8);

	private final String resourceMetadataUrl;

	private final @Nullable String scope;

	/**
	 * Create an entry point.
	 * @param metadata the protected resource metadata; its {@code scopes_supported}
	 * become the challenge's {@code scope}
	 */
	public McpBearerTokenEntryPoint(ProtectedResourceMetadata metadata) {
		this.resourceMetadataUrl = metadata.metadataUrl();
		this.scope = metadata.scopesSupported().isEmpty() ? null : String.join(" ", metadata.scopesSupported());
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		StringBuilder challenge = new StringBuilder("Bearer");
		if (isInvalidToken(ex)) {
			challenge.append(" error=\"invalid_token\",");
		}
		challenge.append(" resource_metadata=\"").append(this.resourceMetadataUrl).append('"');
		if (this.scope != null) {
			challenge.append(", scope=\"").append(this.scope).append('"');
		}
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.UNAUTHORIZED);
		response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge.toString());
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(BODY)));
	}

	/**
	 * Whether a credential was presented and rejected, as opposed to missing.
	 * @param ex the authentication failure
	 * @return {@code true} for a rejected token or key
	 */
	private static boolean isInvalidToken(AuthenticationException ex) {
		return !(ex instanceof AuthenticationCredentialsNotFoundException);
	}

}
