package dev.mcpspring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.mcpspring.transport.webflux.McpStreamableHttpHandler.ResponseMode;
import org.jspecify.annotations.Nullable;

/**
 * Configuration properties of the MCP transports ({@code mcp.server.transport}): the Host
 * and Origin checks shared by every HTTP transport, Streamable HTTP, the 2024-11-05
 * HTTP+SSE transport, stdio and CORS.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpTransportProperties {

	/**
	 * Host names accepted in the Host header besides localhost, 127.0.0.1 and [::1]; "*"
	 * accepts any host. The Host check (a DNS-rebinding defence) applies when this is set
	 * or when server.address is a loopback address; a server bound to every interface
	 * without it (behind a load balancer) accepts any Host. The Origin check always
	 * applies.
	 */
	private List<String> allowedHosts = new ArrayList<>();

	/**
	 * Origins accepted in the Origin header besides loopback ones, such as
	 * https://app.example.com; "*" accepts any origin.
	 */
	private List<String> allowedOrigins = new ArrayList<>();

	/**
	 * Number of Reactor Netty event-loop threads of the web server; clients such as
	 * WebClient keep Reactor Netty's own. Defaults to the reactor.netty.ioWorkerCount
	 * system property when set, else the number of available processors (Reactor Netty
	 * alone starts at least four).
	 */
	private @Nullable Integer eventLoopThreads;

	private final StreamableHttp streamableHttp = new StreamableHttp();

	private final Sse sse = new Sse();

	private final Stdio stdio = new Stdio();

	private final Cors cors = new Cors();

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

	public @Nullable Integer getEventLoopThreads() {
		return this.eventLoopThreads;
	}

	public void setEventLoopThreads(@Nullable Integer eventLoopThreads) {
		this.eventLoopThreads = eventLoopThreads;
	}

	public StreamableHttp getStreamableHttp() {
		return this.streamableHttp;
	}

	public Sse getSse() {
		return this.sse;
	}

	public Stdio getStdio() {
		return this.stdio;
	}

	public Cors getCors() {
		return this.cors;
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
		 * How POST requests are answered: auto streams SSE only when messages precede the
		 * response.
		 */
		private ResponseMode responseMode = ResponseMode.AUTO;

		/**
		 * Interval of keep-alive comments on idle SSE streams.
		 */
		private Duration keepAliveInterval = Duration.ofSeconds(15);

		/**
		 * Number of recent events each SSE stream keeps for clients resuming with
		 * Last-Event-ID.
		 */
		private int replayEvents = 100;

		/**
		 * How long a finished SSE stream stays resumable.
		 */
		private Duration replayRetention = Duration.ofMinutes(5);

		/**
		 * Maximum number of finished SSE streams kept resumable, the oldest forgotten
		 * first. Every response sent as SSE is one stream: at high rates this bound, not
		 * the retention, decides how long they stay.
		 */
		private int replayStreams = 1000;

		public int getReplayStreams() {
			return this.replayStreams;
		}

		public void setReplayStreams(int replayStreams) {
			this.replayStreams = replayStreams;
		}

		public int getReplayEvents() {
			return this.replayEvents;
		}

		public void setReplayEvents(int replayEvents) {
			this.replayEvents = replayEvents;
		}

		public Duration getReplayRetention() {
			return this.replayRetention;
		}

		public void setReplayRetention(Duration replayRetention) {
			this.replayRetention = replayRetention;
		}

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

	public static class Sse {

		/**
		 * Whether to serve the legacy HTTP+SSE transport of protocol revision 2024-11-05.
		 */
		private boolean enabled;

		/**
		 * Path of the SSE endpoint clients connect to.
		 */
		private String path = "/sse";

		/**
		 * Path clients POST their messages to.
		 */
		private String messagePath = "/mcp/message";

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

		public String getMessagePath() {
			return this.messagePath;
		}

		public void setMessagePath(String messagePath) {
			this.messagePath = messagePath;
		}

	}

	public static class Stdio {

		/**
		 * Whether to serve MCP over standard input and output instead of HTTP; turns the
		 * web server and the banner off and sends logs to standard error.
		 */
		private boolean enabled;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	public static class Cors {

		/**
		 * Origins browsers may call the MCP endpoints from. CORS is off when empty.
		 */
		private List<String> allowedOrigins = new ArrayList<>();

		/**
		 * Whether browsers may send credentials (cookies, Authorization) cross-origin;
		 * not allowed together with the "*" origin.
		 */
		private boolean allowCredentials;

		/**
		 * How long browsers may cache a preflight response.
		 */
		private Duration maxAge = Duration.ofMinutes(30);

		public List<String> getAllowedOrigins() {
			return this.allowedOrigins;
		}

		public void setAllowedOrigins(List<String> allowedOrigins) {
			this.allowedOrigins = allowedOrigins;
		}

		public boolean isAllowCredentials() {
			return this.allowCredentials;
		}

		public void setAllowCredentials(boolean allowCredentials) {
			this.allowCredentials = allowCredentials;
		}

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

	}

}
