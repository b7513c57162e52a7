package dev.mcpspring.security;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The OAuth 2.0 protected resource metadata of an MCP server (RFC 9728). The resource
 * identifier always comes from configuration, never from the request's Host header.
 *
 * @param resource the canonical URI of the MCP server, for example
 * {@code https://mcp.example.com/mcp}
 * @param authorizationServers issuer identifiers of the authorization servers clients may
 * use
 * @param scopesSupported scopes clients may request, possibly empty
 * @param resourceName a human-readable name, or {@code null}
 * @param resourceDocumentation a URL of documentation for developers, or {@code null}
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9728">RFC 9728</a>
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#authorization-server-discovery">Authorization
 * server discovery</a>
 */
public record ProtectedResourceMetadata(String resource, List<String> authorizationServers,
		List<String> scopesSupported, @Nullable String resourceName, @Nullable String resourceDocumentation) {

	/**
	 * The well-known path prefix of protected resource metadata.
	 */
	public static final String WELL_KNOWN_PATH = "/.well-known/oauth-protected-resource";

	/**
	 * Create metadata, checking that the resource is an absolute URI without fragment.
	 */
	public ProtectedResourceMetadata {
		Assert.hasText(resource, "Resource URI is required");
		URI uri = URI.create(resource);
		Assert.isTrue(uri.isAbsolute() && uri.getHost() != null && uri.getFragment() == null,
				() -> "Resource '" + resource + "' must be an absolute URI with a host and without fragment");
		authorizationServers = List.copyOf(authorizationServers);
		scopesSupported = List.copyOf(scopesSupported);
	}

	/**
	 * Return the URL clients fetch this metadata from: the well-known path inserted
	 * between the host and the path of the resource.
	 * @return the metadata URL
	 */
	public String metadataUrl() {
		URI uri = URI.create(this.resource);
		String path = StringUtils.hasLength(uri.getRawPath()) && !"/".equals(uri.getRawPath()) ? uri.getRawPath() : "";
		String port = (uri.getPort() != -1) ? ":" + uri.getPort() : "";
		return uri.getScheme() + "://" + uri.getHost() + port + WELL_KNOWN_PATH + path;
	}

	/**
	 * Return the path of the resource URI, used to serve the path-suffixed well-known
	 * location.
	 * @return the path, empty for the root
	 */
	public String resourcePath() {
		String path = URI.create(this.resource).getRawPath();
		return (path == null || "/".equals(path)) ? "" : path;
	}

	/**
	 * Return the JSON members of the metadata document.
	 * @return the members, in document order, without absent ones
	 */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("resource", this.resource);
		if (!this.authorizationServers.isEmpty()) {
			map.put("authorization_servers", this.authorizationServers);
		}
		if (!this.scopesSupported.isEmpty()) {
			map.put("scopes_supported", this.scopesSupported);
		}
		map.put("bearer_methods_supported", List.of("header"));
		if (this.resourceName != null) {
			map.put("resource_name", this.resourceName);
		}
		if (this.resourceDocumentation != null) {
			map.put("resource_documentation", this.resourceDocumentation);
		}
		return map;
	}

}
