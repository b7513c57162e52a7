package dev.mcpspring.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.mcpspring.server.ResponseCacheInterceptor;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the built-in middleware of the MCP server
 * ({@code mcp.server.middleware}): error detail masking, response caching and per-tool
 * rate limits.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("mcp.server.middleware")
public class McpMiddlewareProperties {

	/**
	 * Whether answers to unexpected exceptions leave out what the exception says: a
	 * generic JSON-RPC internal error, or a generic isError result for a tool. Messages
	 * of McpException and ToolCallException are always sent.
	 */
	private boolean maskErrorDetails = true;

	private final Cache cache = new Cache();

	/**
	 * Rate limit of each tool, by tool name. Use brackets for names with dots:
	 * rate-limits[weather.forecast].limit.
	 */
	private final Map<String, RateLimit> rateLimits = new LinkedHashMap<>();

	public boolean isMaskErrorDetails() {
		return this.maskErrorDetails;
	}

	public void setMaskErrorDetails(boolean maskErrorDetails) {
		this.maskErrorDetails = maskErrorDetails;
	}

	public Cache getCache() {
		return this.cache;
	}

	public Map<String, RateLimit> getRateLimits() {
		return this.rateLimits;
	}

	/**
	 * Caching of list and read results.
	 */
	public static class Cache {

		/**
		 * Whether to cache the results of tools/list, prompts/list, resources/list,
		 * resources/templates/list and resources/read. Needs Caffeine.
		 */
		private boolean enabled;

		/**
		 * Longest time a result is kept.
		 */
		private Duration ttl = Duration.ofMinutes(1);

		/**
		 * Most results kept.
		 */
		private long maxEntries = 1000;

		/**
		 * Which requests may share a cached result: those of one session, or, when what a
		 * client sees depends on nothing but the caller, those of one principal.
		 */
		private ResponseCacheInterceptor.Scope scope = ResponseCacheInterceptor.Scope.SESSION;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getTtl() {
			return this.ttl;
		}

		public void setTtl(Duration ttl) {
			this.ttl = ttl;
		}

		public long getMaxEntries() {
			return this.maxEntries;
		}

		public void setMaxEntries(long maxEntries) {
			this.maxEntries = maxEntries;
		}

		public ResponseCacheInterceptor.Scope getScope() {
			return this.scope;
		}

		public void setScope(ResponseCacheInterceptor.Scope scope) {
			this.scope = scope;
		}

	}

	/**
	 * The rate limit of one tool.
	 */
	public static class RateLimit {

		/**
		 * Calls allowed per period, and at once after a quiet time.
		 */
		private long limit;

		/**
		 * Time in which the calls allowed refill.
		 */
		private Duration period = Duration.ofMinutes(1);

		/**
		 * Whether each authenticated caller has a limit of its own, rather than one
		 * shared by all callers.
		 */
		private boolean perPrincipal;

		public long getLimit() {
			return this.limit;
		}

		public void setLimit(long limit) {
			this.limit = limit;
		}

		public Duration getPeriod() {
			return this.period;
		}

		public void setPeriod(Duration period) {
			this.period = period;
		}

		public boolean isPerPrincipal() {
			return this.perPrincipal;
		}

		public void setPerPrincipal(boolean perPrincipal) {
			this.perPrincipal = perPrincipal;
		}

	}

}
