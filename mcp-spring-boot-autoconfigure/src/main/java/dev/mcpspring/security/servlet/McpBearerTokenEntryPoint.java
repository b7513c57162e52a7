package dev.mcpspring.security.servlet;

import java.io.IOException;

import dev.mcpspring.security.BearerChallenge;
import dev.mcpspring.security.ProtectedResourceMetadata;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers unauthenticated MCP requests on a servlet container with {@code 401} and a
 * {@link BearerChallenge}, as {@link dev.mcpspring.security.McpBearerTokenEntryPoint}
 * does on WebFlux.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpBearerTokenEntryPoint implements AuthenticationEntryPoint {

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
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		byte[] body = this.challenge.body();
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, this.challenge.header(ex));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
