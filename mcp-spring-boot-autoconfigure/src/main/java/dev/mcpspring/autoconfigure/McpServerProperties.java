package dev.mcpspring.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.mcpspring.server.stateless.CacheHints;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the MCP server, checked once bound: a value the server
 * cannot work with fails startup with an
 * {@link dev.mcpspring.autoconfigure.diagnostics.InvalidMcpPropertyException} naming the
 * property.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("mcp.server")
public class McpServerProperties implements InitializingBean {

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

	/**
	 * Maximum number of items in one page of tools/list, prompts/list, resources/list
	 * and resources/templates/list.
	 */
	private int pageSize = 100;

	/**
	 * How long to wait for the client to answer a server-to-client request such as
	 * sampling or elicitation.
	 */
	private Duration clientRequestTimeout = Duration.ofMinutes(5);

	private final Session session = new Session();

	@NestedConfigurationProperty
	private final McpTransportProperties transport = new McpTransportProperties();

	private final Limits limits = new Limits();

	private final Stateless stateless = new Stateless();

	@NestedConfigurationProperty
	private final McpLoggingProperties logging = new McpLoggingProperties();

	@NestedConfigurationProperty
	private final McpToolsProperties tools = new McpToolsProperties();

	@NestedConfigurationProperty
	private final McpTagsProperties tags = new McpTagsProperties();

	@Override
	public void afterPropertiesSet() {
		McpServerPropertiesValidator.validate(this);
	}

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

	public int getPageSize() {
		return this.pageSize;
	}

	public void setPageSize(int pageSize) {
		this.pageSize = pageSize;
	}

	public Duration getClientRequestTimeout() {
		return this.clientRequestTimeout;
	}

	public void setClientRequestTimeout(Duration clientRequestTimeout) {
		this.clientRequestTimeout = clientRequestTimeout;
	}

	public Session getSession() {
		return this.session;
	}

	public McpTransportProperties getTransport() {
		return this.transport;
	}

	public Limits getLimits() {
		return this.limits;
	}

	public Stateless getStateless() {
		return this.stateless;
	}

	public McpLoggingProperties getLogging() {
		return this.logging;
	}

	public McpToolsProperties getTools() {
		return this.tools;
	}

	public McpTagsProperties getTags() {
		return this.tags;
	}

	public static class Session {

		/**
		 * Whether initialize starts a session (Mcp-Session-Id). Disable to serve 2025-era
		 * clients request by request, so that any replica behind a round-robin load
		 * balancer can answer; the standalone GET stream, resumption and server-to-client
		 * requests across replicas are then unavailable to them.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

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

		/**
		 * Where sessions, stream events for resumption and cross-instance messages
		 * are kept: in this instance's memory, or in Redis (through
		 * spring.data.redis.*) so that any replica can serve any session.
		 */
		private Store store = Store.MEMORY;

		private final Redis redis = new Redis();

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
			this.store = store;
		}

		public Redis getRedis() {
			return this.redis;
		}

		private final Attributes attributes = new Attributes();

		public Attributes getAttributes() {
			return this.attributes;
		}

		public static class Attributes {

			/**
			 * Maximum number of attributes a session may hold; storing more fails the
			 * call with a clear error.
			 */
			private int maxCount = 100;

			/**
			 * Maximum size of a session's attributes, names and JSON values together;
			 * storing more fails the call with a clear error.
			 */
			private DataSize maxSize = DataSize.ofKilobytes(64);

			public int getMaxCount() {
				return this.maxCount;
			}

			public void setMaxCount(int maxCount) {
				this.maxCount = maxCount;
			}

			public DataSize getMaxSize() {
				return this.maxSize;
			}

			public void setMaxSize(DataSize maxSize) {
				this.maxSize = maxSize;
			}

		}

		/**
		 * Where session state is kept.
		 */
		public enum Store {

			/**
			 * In the memory of each instance.
			 */
			MEMORY,

			/**
			 * In Redis, shared by every instance.
			 */
			REDIS

		}

		public static class Redis {

			/**
			 * How long a session request may wait for Redis before it is answered with
			 * HTTP 503.
			 */
			private Duration timeout = Duration.ofSeconds(2);

			/**
			 * Prefix of the Redis keys written by the server, so that several servers
			 * can share one Redis.
			 */
			private String keyPrefix = "mcp:";

			/**
			 * How long a stream resumed on another instance waits for a new event of
			 * an unfinished stream before it ends, while the instance writing it still
			 * runs but sends nothing.
			 */
			private Duration resumeIdleTimeout = Duration.ofMinutes(1);

			/**
			 * How long a stream resumed on another instance waits for an event before
			 * it asks Redis whether the instance writing it still runs; once that
			 * instance is gone, the stream ends, with an error for the request it
			 * answered.
			 */
			private Duration writerCheckInterval = Duration.ofSeconds(2);

			public Duration getTimeout() {
				return this.timeout;
			}

			public void setTimeout(Duration timeout) {
				this.timeout = timeout;
			}

			public String getKeyPrefix() {
				return this.keyPrefix;
			}

			public void setKeyPrefix(String keyPrefix) {
				this.keyPrefix = keyPrefix;
			}

			public Duration getResumeIdleTimeout() {
				return this.resumeIdleTimeout;
			}

			public void setResumeIdleTimeout(Duration resumeIdleTimeout) {
				this.resumeIdleTimeout = resumeIdleTimeout;
			}

			public Duration getWriterCheckInterval() {
				return this.writerCheckInterval;
			}

			public void setWriterCheckInterval(Duration writerCheckInterval) {
				this.writerCheckInterval = writerCheckInterval;
			}

		}

	}

	public static class Stateless {

		/**
		 * How long the requestState of a multi round-trip request stays valid.
		 */
		private Duration requestStateTtl = Duration.ofMinutes(10);

		/**
		 * HMAC keys that protect requestState, by key id; the first signs, all verify, so
		 * keys can be rotated. Each secret is base64 and decodes to at least 32 bytes. All
		 * replicas need the same keys; without any, a random per-process key is used.
		 */
		private Map<String, String> requestStateKeys = new LinkedHashMap<>();

		/**
		 * Freshness of server/discover and list results (ttlMs).
		 */
		private Duration listTtl = Duration.ofMinutes(5);

		/**
		 * Cache scope of server/discover and list results.
		 */
		private CacheHints.Scope listCacheScope = CacheHints.Scope.PUBLIC;

		/**
		 * Freshness of resources/read results (ttlMs).
		 */
		private Duration readTtl = Duration.ZERO;

		/**
		 * Cache scope of resources/read results.
		 */
		private CacheHints.Scope readCacheScope = CacheHints.Scope.PRIVATE;

		public Duration getRequestStateTtl() {
			return this.requestStateTtl;
		}

		public void setRequestStateTtl(Duration requestStateTtl) {
			this.requestStateTtl = requestStateTtl;
		}

		public Map<String, String> getRequestStateKeys() {
			return this.requestStateKeys;
		}

		public void setRequestStateKeys(Map<String, String> requestStateKeys) {
			this.requestStateKeys = requestStateKeys;
		}

		public Duration getListTtl() {
			return this.listTtl;
		}

		public void setListTtl(Duration listTtl) {
			this.listTtl = listTtl;
		}

		public CacheHints.Scope getListCacheScope() {
			return this.listCacheScope;
		}

		public void setListCacheScope(CacheHints.Scope listCacheScope) {
			this.listCacheScope = listCacheScope;
		}

		public Duration getReadTtl() {
			return this.readTtl;
		}

		public void setReadTtl(Duration readTtl) {
			this.readTtl = readTtl;
		}

		public CacheHints.Scope getReadCacheScope() {
			return this.readCacheScope;
		}

		public void setReadCacheScope(CacheHints.Scope readCacheScope) {
			this.readCacheScope = readCacheScope;
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

		/**
		 * Most tool calls served at once; further calls get HTTP 503 (a "Server busy"
		 * JSON-RPC error on stdio). Unlimited when not set.
		 */
		private @Nullable Integer maxConcurrentToolCalls;

		/**
		 * Most long-lived streams open at once: GET streams of sessions,
		 * subscriptions/listen streams and legacy HTTP+SSE connections. Further ones get
		 * HTTP 503.
		 */
		private int maxStreams = 2_000;

		/**
		 * Longest wait for the headers of a request on an HTTP/1.1 connection to the
		 * Reactor Netty server: from the opening of the connection to the end of the
		 * headers of its first request, and from the first byte of each further request
		 * to the end of its headers; the connection is then closed. Connections idle
		 * between requests are left to server.netty.idle-timeout. Zero turns the deadline
		 * off.
		 */
		private Duration requestHeaderTimeout = Duration.ofSeconds(10);

		/**
		 * Longest time to read the body of a request on an HTTP/1.1 connection to the
		 * Reactor Netty server, from the end of its headers; the connection is then
		 * closed. Responses, such as SSE streams, are not limited. A request or read
		 * timeout the application sets on the server replaces it. Zero turns the deadline
		 * off.
		 */
		private Duration requestBodyTimeout = Duration.ofSeconds(30);

		/**
		 * Most events waiting to be written on one SSE stream whose client reads slowly;
		 * past it the stream is closed, and a client of a resumable stream reconnects
		 * with Last-Event-ID.
		 */
		private int maxPendingStreamEvents = 1000;

		/**
		 * Longest time events waiting on an SSE stream may go unwritten because the
		 * client does not read; the stream is then closed.
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
