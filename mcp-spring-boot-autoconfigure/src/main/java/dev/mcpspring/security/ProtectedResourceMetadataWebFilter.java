package dev.mcpspring.security;

import java.util.LinkedHashSet;
import java.util.Set;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Serves the {@link ProtectedResourceMetadata} as JSON on {@code GET} of
 * {@code /.well-known/oauth-protected-resource}, and of that path followed by the path of
 * the MCP endpoint and of the resource URI (for example
 * {@code /.well-known/oauth-protected-resource/mcp}). Ordered ahead of Spring Security,
 * because clients read it before they have a token.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9728#section-3">RFC 9728,
 * section 3</a>
 */
public class ProtectedResourceMetadataWebFilter implements WebFilter, Ordered {

	/**
	 * Order of this filter, ahead of Spring Security's {@code WebFilterChainProxy}.
	 */
	public static final int ORDER = -200;

	private final Set<String> paths = new LinkedHashSet<>();

	private final byte[] body;

	/**
	 * Create a filter.
	 * @param metadata the metadata to serve
	 * @param endpointPath the path of the local MCP endpoint, such as {@code /mcp}
	 * @param jsonMapper writes the document
	 */
	public ProtectedResourceMetadataWebFilter(ProtectedResourceMetadata metadata, String endpointPath,
			JsonMapper jsonMapper) {
		Assert.notNull(metadata, "ProtectedResourceMetadata is required");
		this.paths.add(ProtectedResourceMetadata.WELL_KNOWN_PATH);
		this.paths.add(ProtectedResourceMetadata.WELL_KNOWN_PATH + endpointPath);
		this.paths.add(ProtectedResourceMetadata.WELL_KNOWN_PATH + metadata.resourcePath());
		this.body = jsonMapper.writeValueAsBytes(metadata.toMap());
	}

	/**
	 * Return the paths this filter answers.
	 * @return the paths
	 */
	public Set<String> getPaths() {
		return Set.copyOf(this.paths);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!this.paths.contains(path) || !HttpMethod.GET.equals(exchange.getRequest().getMethod())) {
			return chain.filter(exchange);
		}
		ServerHttpResponse response = exchange.getResponse();
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().setCacheControl("max-age=3600");
		response.getHeaders().set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(this.body)));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
