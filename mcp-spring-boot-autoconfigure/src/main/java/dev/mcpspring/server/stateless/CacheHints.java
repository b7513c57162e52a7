package dev.mcpspring.server.stateless;

import java.time.Duration;
import java.util.Locale;

import org.springframework.util.Assert;

/**
 * The caching hints ({@code ttlMs}, {@code cacheScope}) stateless clients get on
 * cacheable results.
 *
 * @param listTtl freshness of {@code server/discover} and the list results
 * @param listScope {@code public} or {@code private} for them
 * @param readTtl freshness of {@code resources/read} results
 * @param readScope {@code public} or {@code private} for them
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2026-07-28/server/utilities/caching">Caching</a>
 */
public record CacheHints(Duration listTtl, Scope listScope, Duration readTtl, Scope readScope) {

	/**
	 * Lists fresh for five minutes and shareable; reads never fresh and private.
	 */
	public static final CacheHints DEFAULTS = new CacheHints(Duration.ofMinutes(5), Scope.PUBLIC, Duration.ZERO,
			Scope.PRIVATE);

	public CacheHints {
		Assert.isTrue(!listTtl.isNegative() && !readTtl.isNegative(), "Cache TTLs must not be negative");
	}

	/**
	 * Who may cache a result.
	 */
	public enum Scope {

		/**
		 * Any cache, shared ones included: the result holds no user-specific data.
		 */
		PUBLIC,

		/**
		 * Only the client's own cache.
		 */
		PRIVATE;

		/**
		 * Return the wire value.
		 * @return {@code public} or {@code private}
		 */
		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
