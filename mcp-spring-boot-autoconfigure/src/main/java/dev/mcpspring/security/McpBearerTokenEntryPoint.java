package dev.mcpspring.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers unauthenticated MCP requests on WebFlux with {@code 401} and a
 * {@link BearerChallenge}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#protected-resource-metadata-discovery-requirements">Protected
 * resource metadata discovery</a>
 */
public class McpBearerTokenEntryPoint implements ServerAuthenticationEntryPoint {

	private final BearerChallenge challenge;

	/**
	 * Create an entry point.
	 * @param metadata the protected resource metadata; its {@code scopes_supported}
	 * become the challenge's {@code scope}
	 */
	public McpBearerTokenEntryPoint(ProtectedResourceMetadata metadata) {
		this.challenge = new BearerChallenge(metadata);
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.UNAUTHORIZED);
		response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, this.challenge.header(ex));
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(this.challenge.body())));
	}

}
