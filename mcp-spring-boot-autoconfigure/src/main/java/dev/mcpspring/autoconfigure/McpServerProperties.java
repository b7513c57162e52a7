package dev.mcpspring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.mcpspring.transport.webflux.McpStreamableHttpHandler.ResponseMode;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the MCP server.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("mcp.server")
public class McpServerProperties {

	/**
	 * Whether to enable the MCP server.
	 */
	private boolean enabled = true;

	/**
	 * Server name sent to clients as serverInfo.name.
	 */
	private String name = "mcp-server";

	/**
	 * Server version sent to clients as serverInfo.version.
	 */
	private String version = "1.0.0";

	/**
	 * Human-readable server title sent to clients.
	 */
	private @Nullable String title;

	/**
	 * Instructions that tell the model how to use the server.
	 */
	private @Nullable String instructions;

	private final Tools tools = new Tools();

	private final Session session = new Session();

	private final Transport transport = new Transport();

	private final Limits limits = new Limits();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getVersion() {
		return this.version;
	}

	public void setVersion(String version) {
		this.version = version;
	}

	public @Nullable String getTitle() {
		return this.title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable String getInstructions() {
		return this.instructions;
	}

	public void setInstructions(@Nullable String instructions) {
		this.instructions = instructions;
	}

	public Tools getTools() {
		return this.tools;
	}

	public Session getSession() {
		return this.session;
	}

	public Transport getTransport() {
		return this.transport;
	}

	public Limits getLimits() {
		return this.limits;
	}

	public static class Tools {

		/**
		 * Maximum number of tools in one tools/list page.
		 */
		private int pageSize = 100;

		public int getPageSize() {
			return this.pageSize;
		}

		public void setPageSize(int pageSize) {
			this.pageSize = pageSize;
		}

	}

	public static class Session {

		/**
		 * Maximum number of live sessions; initialize requests beyond it get HTTP 503.
		 */
		private int maxSessions = 10_000;

		/**
		 * How long a session lives without requests.
		 */
		private Duration idleTimeout = Duration.ofMinutes(30);

		public int getMaxSessions() {
			return this.maxSessions;
		}

		public void setMaxSessions(int maxSessions) {
			this.maxSessions = maxSessions;
		}

		public Duration getIdleTimeout() {
			return this.idleTimeout;
		}

		public void setIdleTimeout(Duration idleTimeout) {
			this.idleTimeout = idleTimeout;
		}

	}

	public static class Transport {

		/**
		 * Host names accepted in the Host header besides localhost, 127.0.0.1 and [::1];
		 * "*" accepts any host.
		 */
		private List<String> allowedHosts = new ArrayList<>();

		/**
		 * Origins accepted in the Origin header besides loopback ones, such as
		 * https://app.example.com; "*" accepts any origin.
		 */
		private List<String> allowedOrigins = new ArrayList<>();

		private final StreamableHttp streamableHttp = new StreamableHttp();

		public List<String> getAllowedHosts() {
			return this.allowedHosts;
		}

		public void setAllowedHosts(List<String> allowedHosts) {
			this.allowedHosts = allowedHosts;
		}

		public List<String> getAllowedOrigins() {
			return this.allowedOrigins;
		}

		public void setAllowedOrigins(List<String> allowedOrigins) {
			this.allowedOrigins = allowedOrigins;
		}

		public StreamableHttp getStreamableHttp() {
			return this.streamableHttp;
		}

	}

	public static class StreamableHttp {

		/**
		 * Whether to serve the Streamable HTTP transport.
		 */
		private boolean enabled = true;

		/**
		 * Path of the MCP endpoint.
		 */
		private String path = "/mcp";

		/**
		 * How POST requests are answered: one JSON object or an SSE stream.
		 */
		private ResponseMode responseMode = ResponseMode.JSON;

		/**
		 * Interval of keep-alive comments on idle SSE streams.
		 */
		private Duration keepAliveInterval = Duration.ofSeconds(15);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public ResponseMode getResponseMode() {
			return this.responseMode;
		}

		public void setResponseMode(ResponseMode responseMode) {
			this.responseMode = responseMode;
		}

		public Duration getKeepAliveInterval() {
			return this.keepAliveInterval;
		}

		public void setKeepAliveInterval(Duration keepAliveInterval) {
			this.keepAliveInterval = keepAliveInterval;
		}

	}

	public static class Limits {

		/**
		 * Largest accepted request body; larger ones get HTTP 413.
		 */
		private DataSize maxRequestSize = DataSize.ofMegabytes(4);

		public DataSize getMaxRequestSize() {
			return this.maxRequestSize;
		}

		public void setMaxRequestSize(DataSize maxRequestSize) {
			this.maxRequestSize = maxRequestSize;
		}

	}

}
