package dev.mcpspring.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the server's limits ({@code mcp.server.limits}): request
 * size, read and write deadlines, streams, concurrent tool calls and the request rate.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpLimitsProperties {

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

	/**
	 * Most tool calls served at once; further calls get HTTP 503 (a "Server busy"
	 * JSON-RPC error on stdio). Unlimited when not set.
	 */
	private @Nullable Integer maxConcurrentToolCalls;

	/**
	 * Most long-lived streams open at once: GET streams of sessions, subscriptions/listen
	 * streams and legacy HTTP+SSE connections. Further ones get HTTP 503.
	 */
	private int maxStreams = 2_000;

	/**
	 * Longest wait for the headers of a request on an HTTP/1.1 connection to the Reactor
	 * Netty server: from the opening of the connection to the end of the headers of its
	 * first request, and from the first byte of each further request to the end of its
	 * headers; the connection is then closed. Connections idle between requests are left
	 * to server.netty.idle-timeout. Zero turns the deadline off.
	 */
	private Duration requestHeaderTimeout = Duration.ofSeconds(10);

	/**
	 * Longest time to read the body of a request on an HTTP/1.1 connection to the Reactor
	 * Netty server, from the end of its headers; the connection is then closed.
	 * Responses, such as SSE streams, are not limited. A request or read timeout the
	 * application sets on the server replaces it. Zero turns the deadline off.
	 */
	private Duration requestBodyTimeout = Duration.ofSeconds(30);

	/**
	 * Most events waiting to be written on one SSE stream whose client reads slowly; past
	 * it the stream is closed, and a client of a resumable stream reconnects with
	 * Last-Event-ID.
	 */
	private int maxPendingStreamEvents = 1000;

	/**
	 * Longest time events waiting on an SSE stream may go unwritten because the client
	 * does not read; the stream is then closed.
	 */
	private Duration streamWriteTimeout = Duration.ofSeconds(30);

	private final RateLimit rateLimit = new RateLimit();

	public int getMaxPendingStreamEvents() {
		return this.maxPendingStreamEvents;
	}

	public void setMaxPendingStreamEvents(int maxPendingStreamEvents) {
		this.maxPendingStreamEvents = maxPendingStreamEvents;
	}

	public Duration getStreamWriteTimeout() {
		return this.streamWriteTimeout;
	}

	public void setStreamWriteTimeout(Duration streamWriteTimeout) {
		this.streamWriteTimeout = streamWriteTimeout;
	}

	public Duration getRequestHeaderTimeout() {
		return this.requestHeaderTimeout;
	}

	public void setRequestHeaderTimeout(Duration requestHeaderTimeout) {
		this.requestHeaderTimeout = requestHeaderTimeout;
	}

	public Duration getRequestBodyTimeout() {
		return this.requestBodyTimeout;
	}

	public void setRequestBodyTimeout(Duration requestBodyTimeout) {
		this.requestBodyTimeout = requestBodyTimeout;
	}

	public int getMaxStreams() {
		return this.maxStreams;
	}

	public void setMaxStreams(int maxStreams) {
		this.maxStreams = maxStreams;
	}

	public @Nullable Integer getMaxConcurrentToolCalls() {
		return this.maxConcurrentToolCalls;
	}

	public void setMaxConcurrentToolCalls(@Nullable Integer maxConcurrentToolCalls) {
		this.maxConcurrentToolCalls = maxConcurrentToolCalls;
	}

	public RateLimit getRateLimit() {
		return this.rateLimit;
	}

	public static class RateLimit {

		/**
		 * Whether to limit the request rate of each principal, or of each client IP
		 * address for anonymous requests. Needs com.bucket4j:bucket4j_jdk17-core and
		 * com.github.ben-manes.caffeine:caffeine; startup fails without them.
		 */
		private boolean enabled;

		/**
		 * Requests allowed per period; also the size of a burst.
		 */
		private long capacity = 100;

		/**
		 * Period in which the capacity refills.
		 */
		private Duration period = Duration.ofMinutes(1);

		/**
		 * Most principals or addresses tracked at once; the least recently seen are
		 * forgotten.
		 */
		private int maxClients = 10_000;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public long getCapacity() {
			return this.capacity;
		}

		public void setCapacity(long capacity) {
			this.capacity = capacity;
		}

		public Duration getPeriod() {
			return this.period;
		}

		public void setPeriod(Duration period) {
			this.period = period;
		}

		public int getMaxClients() {
			return this.maxClients;
		}

		public void setMaxClients(int maxClients) {
			this.maxClients = maxClients;
		}

	}

}
