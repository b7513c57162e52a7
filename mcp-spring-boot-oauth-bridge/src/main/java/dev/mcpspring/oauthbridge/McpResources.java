package dev.mcpspring.oauthbridge;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.util.Assert;

/**
 * The MCP servers the bridge issues tokens for, and the choice of one of them from the
 * RFC 8707 {@code resource} parameter of a request.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707">RFC 8707: Resource Indicators for
 * OAuth 2.0</a>
 */
public final class McpResources {

	/**
	 * Name of the request parameter that names the resource.
	 */
	public static final String PARAMETER = "resource";

	static final String INVALID_TARGET = "invalid_target";

	private static final String ERROR_URI = "https://www.rfc-editor.org/rfc/rfc8707#section-2";

	private final List<String> resources;

	/**
	 * Create the set of resources.
	 * @param resources the canonical URIs of the MCP servers, as they name themselves in
	 * their protected resource metadata
	 */
	public McpResources(Collection<URI> resources) {
		Assert.notEmpty(resources, "At least one MCP resource is required");
		resources.forEach((resource) -> Assert.isTrue(resource.isAbsolute() && resource.getFragment() == null,
				() -> "MCP resource '" + resource + "' must be an absolute URI without fragment"));
		this.resources = resources.stream().map(URI::toString).toList();
	}

	/**
	 * The resource named by the parameters of a request.
	 * @param parameters the additional parameters of an authorization or token request
	 * @return the one resource named, or the only configured resource when none is named;
	 * {@code null} when the request names an unknown resource, several resources, or none
	 * while several are configured
	 */
	public @Nullable String select(Map<String, Object> parameters) {
		Object value = parameters.get(PARAMETER);
		if (value == null) {
			return (this.resources.size() == 1) ? this.resources.get(0) : null;
		}
		if (value instanceof String[] values) {
			value = (values.length == 1) ? values[0] : null;
		}
		return (value instanceof String resource && this.resources.contains(resource)) ? resource : null;
	}

	/**
	 * The configured resources.
	 * @return the resource URIs, as configured
	 */
	public List<String> getResources() {
		return this.resources;
	}

	static OAuth2Error invalidTarget() {
		return new OAuth2Error(INVALID_TARGET,
				"The resource parameter must name one of the MCP servers of this " + "authorization server", ERROR_URI);
	}

}
