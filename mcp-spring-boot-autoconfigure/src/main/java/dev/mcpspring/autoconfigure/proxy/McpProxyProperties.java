package dev.mcpspring.autoconfigure.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of proxies ({@code mcp.server.proxy}): remote MCP servers
 * whose tools, prompts and resources this server serves as its own.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("mcp.server.proxy")
public class McpProxyProperties {

	/**
	 * Remote MCP servers to serve, by name. The name is the default prefix of their
	 * features and the tag they carry.
	 */
	private final Map<String, Upstream> servers = new LinkedHashMap<>();

	public Map<String, Upstream> getServers() {
		return this.servers;
	}

	/**
	 * How a remote MCP server is reached.
	 */
	public enum Transport {

		/**
		 * Streamable HTTP, at {@code url}.
		 */
		STREAMABLE_HTTP,

		/**
		 * The legacy HTTP+SSE transport of 2024-11-05, whose SSE endpoint is {@code url}.
		 */
		SSE,

		/**
		 * A process started with {@code command}, spoken to on its standard input and
		 * output.
		 */
		STDIO

	}

	/**
	 * One remote MCP server.
	 */
	public static class Upstream {

		/**
		 * URL of the server's MCP endpoint (Streamable HTTP, or the SSE endpoint with
		 * transport=sse).
		 */
		private @Nullable URI url;

		/**
		 * Command that starts a stdio server, such as 'npx' or 'java'.
		 */
		private @Nullable String command;

		/**
		 * Arguments of the command.
		 */
		private List<String> args = new ArrayList<>();

		/**
		 * Environment variables of the command's process, in addition to this
		 * application's.
		 */
		private Map<String, String> env = new LinkedHashMap<>();

		/**
		 * How to reach the server. Defaults to Streamable HTTP when a URL is set and to
		 * stdio when a command is.
		 */
		private @Nullable Transport transport;

		/**
		 * HTTP headers sent with every request to the server, such as its own
		 * credentials. The tokens of this server's clients are never forwarded.
		 */
		private Map<String, String> headers = new LinkedHashMap<>();

		/**
		 * Prefix of the names ('prefix_name') and resource URIs ('prefix+uri') of the
		 * server's features. Defaults to the server's name; empty to serve them under
		 * their own names.
		 */
		private @Nullable String prefix;

		/**
		 * How long a call may wait for the server before it fails.
		 */
		private Duration requestTimeout = Duration.ofSeconds(30);

		/**
		 * How long opening an HTTP connection to the server may take.
		 */
		private Duration connectTimeout = Duration.ofSeconds(10);

		public @Nullable URI getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable URI url) {
			this.url = url;
		}

		public @Nullable String getCommand() {
			return this.command;
		}

		public void setCommand(@Nullable String command) {
			this.command = command;
		}

		public List<String> getArgs() {
			return this.args;
		}

		public void setArgs(List<String> args) {
			this.args = args;
		}

		public Map<String, String> getEnv() {
			return this.env;
		}

		public void setEnv(Map<String, String> env) {
			this.env = env;
		}

		public @Nullable Transport getTransport() {
			return this.transport;
		}

		public void setTransport(@Nullable Transport transport) {
			this.transport = transport;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public void setHeaders(Map<String, String> headers) {
			this.headers = headers;
		}

		public @Nullable String getPrefix() {
			return this.prefix;
		}

		public void setPrefix(@Nullable String prefix) {
			this.prefix = prefix;
		}

		public Duration getRequestTimeout() {
			return this.requestTimeout;
		}

		public void setRequestTimeout(Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

	}

}
