package dev.mcpspring.autoconfigure;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of sessions ({@code mcp.server.session}): whether there are
 * any, how many, how long they live, their attributes and the Redis store.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpSessionProperties {

	/**
	 * Whether initialize starts a session (Mcp-Session-Id). Disable to serve 2025-era
	 * clients request by request, so that any replica behind a round-robin load balancer
	 * can answer; the standalone GET stream, resumption and server-to-client requests
	 * across replicas are then unavailable to them.
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
	 * Where sessions, stream events for resumption and cross-instance messages are kept:
	 * in this instance's memory, or in Redis (through spring.data.redis.*) so that any
	 * replica can serve any session.
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
		 * Maximum number of attributes a session may hold; storing more fails the call
		 * with a clear error.
		 */
		private int maxCount = 100;

		/**
		 * Maximum size of a session's attributes, names and JSON values together; storing
		 * more fails the call with a clear error.
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
		 * How long a session request may wait for Redis before it is answered with HTTP
		 * 503.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		/**
		 * Prefix of the Redis keys written by the server, so that several servers can
		 * share one Redis.
		 */
		private String keyPrefix = "mcp:";

		/**
		 * How long a stream resumed on another instance waits for a new event of an
		 * unfinished stream before it ends, while the instance writing it still runs but
		 * sends nothing.
		 */
		private Duration resumeIdleTimeout = Duration.ofMinutes(1);

		/**
		 * How long a stream resumed on another instance waits for an event before it asks
		 * Redis whether the instance writing it still runs; once that instance is gone,
		 * the stream ends, with an error for the request it answered.
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
