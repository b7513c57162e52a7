package dev.mcpspring.autoconfigure.openapi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the remote OpenAPI documents whose operations become tools.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("mcp.server.openapi")
public class McpOpenApiProperties {

	/**
	 * OpenAPI documents whose operations become tools, by source name. The keys of a
	 * source (location, base-url, prefix, credentials, include, exclude, timeout) are
	 * described in docs/openapi.md.
	 */
	private final Map<String, Source> sources = new LinkedHashMap<>();

	/**
	 * How long opening a connection to a remote API may take.
	 */
	private Duration connectTimeout = Duration.ofSeconds(5);

	public Map<String, Source> getSources() {
		return this.sources;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	/**
	 * One OpenAPI document and how to call its API.
	 */
	public static class Source {

		/**
		 * Location of the OpenAPI 3.0 or 3.1 document: a file path, or a file:, http:,
		 * https: or classpath: URL.
		 */
		private @Nullable String location;

		/**
		 * URL the operation paths are appended to. Defaults to the first absolute server
		 * URL of the document.
		 */
		private @Nullable String baseUrl;

		/**
		 * Prefix of the tool names, for example "petstore_".
		 */
		private String prefix = "";

		/**
		 * Headers sent with every call to the API, for example an API key.
		 */
		private final Map<String, String> headers = new LinkedHashMap<>();

		/**
		 * Bearer token sent with every call to the API. It is configured here: the MCP
		 * caller's own token is never passed on.
		 */
		private @Nullable String bearerToken;

		/**
		 * HTTP basic credentials sent with every call to the API.
		 */
		private final Basic basic = new Basic();

		/**
		 * Operations to offer as tools; empty lists include every operation.
		 */
		private final Operations include = new Operations();

		/**
		 * Operations never offered as tools.
		 */
		private final Operations exclude = new Operations();

		/**
		 * How long a call to the API may take, connection included.
		 */
		private Duration timeout = Duration.ofSeconds(30);

		public @Nullable String getLocation() {
			return this.location;
		}

		public void setLocation(@Nullable String location) {
			this.location = location;
		}

		public @Nullable String getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(@Nullable String baseUrl) {
			this.baseUrl = baseUrl;
		}

		public String getPrefix() {
			return this.prefix;
		}

		public void setPrefix(String prefix) {
			this.prefix = prefix;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public @Nullable String getBearerToken() {
			return this.bearerToken;
		}

		public void setBearerToken(@Nullable String bearerToken) {
			this.bearerToken = bearerToken;
		}

		public Basic getBasic() {
			return this.basic;
		}

		public Operations getInclude() {
			return this.include;
		}

		public Operations getExclude() {
			return this.exclude;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * HTTP basic credentials.
	 */
	public static class Basic {

		/**
		 * User name of HTTP basic authentication.
		 */
		private @Nullable String username;

		/**
		 * Password of HTTP basic authentication.
		 */
		private @Nullable String password;

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

	}

	/**
	 * A selection of operations.
	 */
	public static class Operations {

		/**
		 * HTTP methods, for example GET.
		 */
		private List<String> methods = new ArrayList<>();

		/**
		 * Ant-style path patterns of the document's paths, for example /pet/**.
		 */
		private List<String> paths = new ArrayList<>();

		/**
		 * Tags of the operations.
		 */
		private List<String> tags = new ArrayList<>();

		public List<String> getMethods() {
			return this.methods;
		}

		public void setMethods(List<String> methods) {
			this.methods = methods;
		}

		public List<String> getPaths() {
			return this.paths;
		}

		public void setPaths(List<String> paths) {
			this.paths = paths;
		}

		public List<String> getTags() {
			return this.tags;
		}

		public void setTags(List<String> tags) {
			this.tags = tags;
		}

	}

}
