package dev.mcpspring.security;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads an API key from a header, {@code X-API-Key} by default, or optionally from
 * {@code Authorization: Bearer}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ApiKeyAuthenticationConverter implements ServerAuthenticationConverter {

	/**
	 * Default header carrying the key.
	 */
	public static final String DEFAULT_HEADER = "X-API-Key";

	private static final String BEARER_PREFIX = "Bearer ";

	private final String headerName;

	private final boolean bearer;

	/**
	 * Create a converter.
	 * @param headerName the header carrying the key
	 * @param bearer whether to also accept {@code Authorization: Bearer <key>}
	 */
	public ApiKeyAuthenticationConverter(String headerName, boolean bearer) {
		this.headerName = headerName;
		this.bearer = bearer;
	}

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		return Mono.justOrEmpty(convert(exchange.getRequest().getHeaders()));
	}

	/**
	 * Read the key from request headers, on either web stack.
	 * @param headers the request headers
	 * @return an unauthenticated token carrying the key, or {@code null} without a key
	 */
	public @Nullable Authentication convert(HttpHeaders headers) {
		String key = key(headers);
		return StringUtils.hasText(key) ? ApiKeyAuthenticationToken.unauthenticated(key.trim()) : null;
	}

	/**
	 * Return the names of the headers a key may come in.
	 * @return the API key header, and {@code Authorization} when Bearer keys are accepted
	 */
	public List<String> getHeaderNames() {
		return this.bearer ? List.of(this.headerName, HttpHeaders.AUTHORIZATION) : List.of(this.headerName);
	}

	private @Nullable String key(HttpHeaders headers) {
		String key = headers.getFirst(this.headerName);
		if (key == null && this.bearer) {
			String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
			if (authorization != null
					&& authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
				key = authorization.substring(BEARER_PREFIX.length());
			}
		}
		return key;
	}

}
