package dev.mcpspring.autoconfigure.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of MCP server security. Token validation itself is configured with
 * Spring Boot's {@code spring.security.oauth2.resourceserver.*} properties.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("mcp.server.security")
public class McpSecurityProperties {

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
	 * Scopes clients may request, published in the protected resource metadata and in
	 * 401 challenges.
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
	 * deployments.
	 */
	private Map<String, ApiKey> apiKeys = new LinkedHashMap<>();

	/**
	 * Header carrying an API key. Without an OAuth configuration, "Authorization:
	 * Bearer <key>" is accepted too.
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
