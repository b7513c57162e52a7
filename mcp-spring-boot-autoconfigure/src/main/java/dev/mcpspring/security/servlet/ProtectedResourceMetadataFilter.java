package dev.mcpspring.security.servlet;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.mcpspring.security.ProtectedResourceMetadata;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the {@link ProtectedResourceMetadata} on a servlet container, as
 * {@link dev.mcpspring.security.ProtectedResourceMetadataWebFilter} does on WebFlux: from
 * the configuration, never from the request's {@code Host}, and ahead of Spring Security,
 * whose own resource server metadata endpoint would answer with the host the client
 * named.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9728#section-3">RFC 9728,
 * section 3</a>
 */
public class ProtectedResourceMetadataFilter extends OncePerRequestFilter {

	/**
	 * Order of this filter, ahead of Spring Security's filter chain proxy ({@code -100}
	 * in Spring Boot).
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
	public ProtectedResourceMetadataFilter(ProtectedResourceMetadata metadata, String endpointPath,
			JsonMapper jsonMapper) {
		Assert.notNull(metadata, "ProtectedResourceMetadata is required");
		this.paths.add(ProtectedResourceMetadata.WELL_KNOWN_PATH);
		this.paths.add(ProtectedResourceMetadata.WELL_KNOWN_PATH + endpointPath);
		this.paths.add(ProtectedResourceMetadata.WELL_KNOWN_PATH + metadata.resourcePath());
		this.body = jsonMapper.writeValueAsBytes(metadata.toMap());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !HttpMethod.GET.matches(request.getMethod()) || !this.paths.contains(path);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "max-age=3600");
		response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		response.setContentLength(this.body.length);
		response.getOutputStream().write(this.body);
	}

}
