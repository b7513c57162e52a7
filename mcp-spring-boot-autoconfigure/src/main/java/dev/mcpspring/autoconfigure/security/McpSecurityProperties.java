package dev.mcpspring.autoconfigure.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.mcpspring.autoconfigure.diagnostics.InvalidMcpPropertyException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of MCP server security. Token validation itself is configured with Spring
 * Boot's {@code spring.security.oauth2.resourceserver.*} properties. Bound only when
 * security is on, and checked once bound: a missing resource, a malformed URI or a short
 * API key fail startup with an {@link InvalidMcpPropertyException}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("mcp.server.security")
public class McpSecurityProperties implements InitializingBean {

	private static final String PREFIX = "mcp.server.security.";

	/**
	 * Shortest accepted API key.
	 */
	static final int MIN_API_KEY_LENGTH = 16;

	private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

	/**
	 * Canonical URI of this MCP server, such as https://mcp.example.com/mcp. Required
	 * when security is enabled; published as the protected resource and required in the
	 * audience of tokens.
	 */
	private @Nullable String resource;

	/**
	 * Issuer identifiers of the authorization servers clients may use. Defaults to the
	 * JWT issuer URI when one is configured.
	 */
	private List<String> authorizationServers = new ArrayList<>();

	/**
	 * Scopes clients may request, published in the protected resource metadata and in 401
	 * challenges.
	 */
	private List<String> scopesSupported = new ArrayList<>();

	/**
	 * Human-readable name of the protected resource.
	 */
	private @Nullable String resourceName;

	/**
	 * URL of documentation for developers of clients.
	 */
	private @Nullable String resourceDocumentation;

	/**
	 * Scopes every MCP request requires, initialize included, on top of the scopes of a
	 * tool, prompt or resource; a caller without them gets HTTP 403 with an
	 * insufficient_scope challenge.
	 */
	private List<String> requiredScopes = new ArrayList<>();

	/**
	 * Scopes required per tool name, overriding the scopes of the annotation.
	 */
	private Map<String, List<String>> toolScopes = new LinkedHashMap<>();

	/**
	 * Scopes required per prompt name, overriding the scopes of the annotation.
	 */
	private Map<String, List<String>> promptScopes = new LinkedHashMap<>();

	/**
	 * Scopes required per resource name, overriding the scopes of the annotation.
	 */
	private Map<String, List<String>> resourceScopes = new LinkedHashMap<>();

	/**
	 * API keys accepted instead of OAuth tokens, by client name, for internal
	 * deployments. Needs spring-boot-starter-security; startup fails without it.
	 */
	private Map<String, ApiKey> apiKeys = new LinkedHashMap<>();

	/**
	 * Header carrying an API key. Without an OAuth configuration, "Authorization: Bearer
	 * <key>" is accepted too.
	 */
	private String apiKeyHeader = "X-API-Key";

	public @Nullable String getResource() {
		return this.resource;
	}

	public void setResource(@Nullable String resource) {
		this.resource = resource;
	}

	public List<String> getAuthorizationServers() {
		return this.authorizationServers;
	}

	public void setAuthorizationServers(List<String> authorizationServers) {
		this.authorizationServers = authorizationServers;
	}

	public List<String> getScopesSupported() {
		return this.scopesSupported;
	}

	public void setScopesSupported(List<String> scopesSupported) {
		this.scopesSupported = scopesSupported;
	}

	public @Nullable String getResourceName() {
		return this.resourceName;
	}

	public void setResourceName(@Nullable String resourceName) {
		this.resourceName = resourceName;
	}

	public @Nullable String getResourceDocumentation() {
		return this.resourceDocumentation;
	}

	public void setResourceDocumentation(@Nullable String resourceDocumentation) {
		this.resourceDocumentation = resourceDocumentation;
	}

	public List<String> getRequiredScopes() {
		return this.requiredScopes;
	}

	public void setRequiredScopes(List<String> requiredScopes) {
		this.requiredScopes = requiredScopes;
	}

	public Map<String, List<String>> getToolScopes() {
		return this.toolScopes;
	}

	public void setToolScopes(Map<String, List<String>> toolScopes) {
		this.toolScopes = toolScopes;
	}

	public Map<String, List<String>> getPromptScopes() {
		return this.promptScopes;
	}

	public void setPromptScopes(Map<String, List<String>> promptScopes) {
		this.promptScopes = promptScopes;
	}

	public Map<String, List<String>> getResourceScopes() {
		return this.resourceScopes;
	}

	public void setResourceScopes(Map<String, List<String>> resourceScopes) {
		this.resourceScopes = resourceScopes;
	}

	public Map<String, ApiKey> getApiKeys() {
		return this.apiKeys;
	}

	public void setApiKeys(Map<String, ApiKey> apiKeys) {
		this.apiKeys = apiKeys;
	}

	public String getApiKeyHeader() {
		return this.apiKeyHeader;
	}

	public void setApiKeyHeader(String apiKeyHeader) {
		this.apiKeyHeader = apiKeyHeader;
	}

	/**
	 * Return the resource URI, which security cannot do without.
	 * @return the canonical URI of this MCP server
	 * @throws InvalidMcpPropertyException when it is not set or not an absolute URI with
	 * a host and without fragment
	 */
	String determineResource() {
		if (this.resource == null || this.resource.isBlank()) {
			throw new InvalidMcpPropertyException(PREFIX + "resource", null,
					"must be set to the canonical URI of this MCP server when MCP security is on",
					"Set mcp.server.security.resource to the URI clients connect to, for example "
							+ "https://mcp.example.com/mcp. Access tokens must carry it as their audience.");
		}
		checkAbsoluteUri(PREFIX + "resource", this.resource, false, "https://mcp.example.com/mcp");
		return this.resource;
	}

	@Override
	public void afterPropertiesSet() {
		determineResource();
		for (int i = 0; i < this.authorizationServers.size(); i++) {
			checkAbsoluteUri(PREFIX + "authorization-servers[" + i + "]", this.authorizationServers.get(i), true,
					"https://auth.example.com");
		}
		if (!HEADER_NAME.matcher(this.apiKeyHeader).matches()) {
			throw new InvalidMcpPropertyException(PREFIX + "api-key-header", this.apiKeyHeader,
					"must be an HTTP header name",
					"Set " + PREFIX + "api-key-header to a header name such as X-API-Key, or remove it.");
		}
		this.apiKeys.forEach((name, apiKey) -> {
			String key = apiKey.getKey();
			String property = PREFIX + "api-keys." + name + ".key";
			if (key == null || key.strip().length() < MIN_API_KEY_LENGTH) {
				throw new InvalidMcpPropertyException(property, null,
						"must be set to a secret of at least " + MIN_API_KEY_LENGTH + " characters",
						"Set " + property + " to a long random secret, for example the output of "
								+ "'openssl rand -base64 32', and keep it out of source control.");
			}
		});
	}

	private static void checkAbsoluteUri(String property, String value, boolean fragmentAllowed, String example) {
		URI uri = null;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			// reported below
		}
		if (uri == null || !uri.isAbsolute() || uri.getHost() == null
				|| (!fragmentAllowed && uri.getFragment() != null)) {
			throw new InvalidMcpPropertyException(property, value,
					"must be an absolute URI with a host" + (fragmentAllowed ? "" : " and without fragment"),
					"Set " + property + " to an absolute URI such as " + example + ".");
		}
	}

	public static class ApiKey {

		/**
		 * Secret key, at least 16 characters. Keep it out of source control.
		 */
		private @Nullable String key;

		/**
		 * Scopes the key grants.
		 */
		private List<String> scopes = new ArrayList<>();

		public @Nullable String getKey() {
			return this.key;
		}

		public void setKey(@Nullable String key) {
			this.key = key;
		}

		public List<String> getScopes() {
			return this.scopes;
		}

		public void setScopes(List<String> scopes) {
			this.scopes = scopes;
		}

	}

}
