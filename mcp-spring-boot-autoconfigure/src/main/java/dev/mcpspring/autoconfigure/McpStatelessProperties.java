package dev.mcpspring.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.mcpspring.server.stateless.CacheHints;

/**
 * Configuration properties of the stateless 2026-07-28 revision
 * ({@code mcp.server.stateless}): the signed {@code requestState} of multi round-trip
 * requests and the cache hints of lists and reads.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpStatelessProperties {

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
