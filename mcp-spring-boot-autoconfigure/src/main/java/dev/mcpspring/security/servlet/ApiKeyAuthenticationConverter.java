package dev.mcpspring.security.servlet;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.Assert;

/**
 * Reads an API key from a servlet request the way
 * {@link dev.mcpspring.security.ApiKeyAuthenticationConverter} reads it on WebFlux.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ApiKeyAuthenticationConverter implements AuthenticationConverter {

	private final dev.mcpspring.security.ApiKeyAuthenticationConverter delegate;

	/**
	 * Create a converter.
	 * @param delegate the WebFlux converter, which knows the header names
	 */
	public ApiKeyAuthenticationConverter(dev.mcpspring.security.ApiKeyAuthenticationConverter delegate) {
		Assert.notNull(delegate, "ApiKeyAuthenticationConverter is required");
		this.delegate = delegate;
	}

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		HttpHeaders headers = new HttpHeaders();
		for (String name : this.delegate.getHeaderNames()) {
			String value = request.getHeader(name);
			if (value != null) {
				headers.add(name, value);
			}
		}
		return this.delegate.convert(headers);
	}

}
