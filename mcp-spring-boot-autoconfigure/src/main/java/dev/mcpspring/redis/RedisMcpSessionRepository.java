package dev.mcpspring.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.mcpspring.server.session.McpSession;
import dev.mcpspring.server.session.McpSessionRepository;
import dev.mcpspring.server.session.SessionLimitExceededException;
import dev.mcpspring.server.session.SessionStoreUnavailableException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * {@link McpSessionRepository} in Redis, shared by every instance of a server. Each
 * session is a JSON string that expires when the session has been idle for the idle
 * timeout (every lookup extends it); a sorted set of the live session ids, scored by
 * expiry, caps their number across instances; a set per resource URI holds the ids of the
 * subscribed sessions, cleaned as sessions change, end or expire.
 * <p>
 * Each operation is one Lua script, hence one round trip, run atomically by Redis on its
 * own clock. Every operation is bounded by a timeout and fails with
 * {@link SessionStoreUnavailableException} when Redis does not answer in time. The keys
 * are not declared for Redis Cluster: use a standalone or Sentinel-managed Redis.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class RedisMcpSessionRepository implements McpSessionRepository {

	private static final String NOW = """
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			""";

	/**
	 * KEYS: session, index. ARGV: json, ttl, max, id.
	 */
	private static final RedisScript<Long> SAVE = RedisScript.of(NOW + """
			redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
			if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then return 0 end
			redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), ARGV[4])
			return 1
			""", Long.class);

	/**
	 * KEYS: session, index. ARGV: ttl, id.
	 */
	private static final RedisScript<String> FIND = RedisScript.of(NOW + """
			local session = redis.call('GET', KEYS[1])
			if not session then return false end
			redis.call('PEXPIRE', KEYS[1], ARGV[1])
			redis.call('ZADD', KEYS[2], now + tonumber(ARGV[1]), ARGV[2])
			return session
			""", String.class);

	/**
	 * KEYS: session, index. ARGV: json, ttl, id, subscribers prefix, subscriptions...
	 */
	private static final RedisScript<Long> UPDATE = RedisScript.of(NOW + """
			local old = redis.call('GET', KEYS[1])
			if not old then return 0 end
			redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), ARGV[3])
			local wanted = {}
			for i = 5, #ARGV do
				wanted[ARGV[i]] = true
				redis.call('SADD', ARGV[4] .. ARGV[i], ARGV[3])
			end
			for _, uri in ipairs(cjson.decode(old)['subscriptions']) do
				if not wanted[uri] then redis.call('SREM', ARGV[4] .. uri, ARGV[3]) end
			end
			return 1
			""", Long.class);

	/**
	 * KEYS: session, index. ARGV: id, subscribers prefix.
	 */
	private static final RedisScript<Long> DELETE = RedisScript.of("""
			local old = redis.call('GET', KEYS[1])
			redis.call('ZREM', KEYS[2], ARGV[1])
			if not old then return 0 end
			redis.call('DEL', KEYS[1])
			for _, uri in ipairs(cjson.decode(old)['subscriptions']) do
				redis.call('SREM', ARGV[2] .. uri, ARGV[1])
			end
			return 1
			""", Long.class);

	/**
	 * KEYS: subscribers of a URI. ARGV: session prefix.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> SUBSCRIBERS = RedisScript.of("""
			local live = {}
			for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
				if redis.call('EXISTS', ARGV[1] .. id) == 1 then table.insert(live, id)
				else redis.call('SREM', KEYS[1], id) end
			end
			return live
			""", List.class);

	/**
	 * KEYS: index.
	 */
	private static final RedisScript<Long> COUNT = RedisScript.of(NOW + """
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
			return redis.call('ZCARD', KEYS[1])
			""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final SessionJson json;

	private final RedisCommands commands;

	private final int maxSessions;

	private final String idleTimeoutMillis;

	private final String sessionPrefix;

	private final String indexKey;

	private final String subscribersPrefix;

	private final Clock clock;

	/**
	 * Create a repository.
	 * @param redis the template to run commands with
	 * @param jsonMapper the mapper that writes sessions
	 * @param keyPrefix the prefix of every key, such as {@code mcp:}
	 * @param maxSessions the maximum number of live sessions across instances
	 * @param idleTimeout how long an unused session lives
	 * @param timeout how long a command may take before the store counts as unavailable
	 * @param clock the clock of the last use recorded on sessions found
	 */
	public RedisMcpSessionRepository(ReactiveStringRedisTemplate redis, JsonMapper jsonMapper, String keyPrefix,
			int maxSessions, Duration idleTimeout, Duration timeout, Clock clock) {
		Assert.notNull(redis, "ReactiveStringRedisTemplate is required");
		Assert.notNull(jsonMapper, "JsonMapper is required");
		Assert.notNull(keyPrefix, "Key prefix is required");
		Assert.isTrue(maxSessions > 0, "maxSessions must be positive");
		Assert.isTrue(idleTimeout.toMillis() > 0, "idleTimeout must be positive");
		Assert.notNull(clock, "Clock is required");
		this.redis = redis;
		this.json = new SessionJson(jsonMapper);
		this.commands = new RedisCommands(timeout);
		this.maxSessions = maxSessions;
		this.idleTimeoutMillis = Long.toString(idleTimeout.toMillis());
		this.sessionPrefix = keyPrefix + "session:";
		this.indexKey = keyPrefix + "sessions";
		this.subscribersPrefix = keyPrefix + "subscribers:";
		this.clock = clock;
	}

	@Override
	public Mono<McpSession> save(McpSession session) {
		String json = this.json.write(session);
		return single(this.redis.execute(SAVE, keys(session.getId()),
				List.of(json, this.idleTimeoutMillis, Integer.toString(this.maxSessions), session.getId())))
			.flatMap((saved) -> (saved == 1) ? Mono.just(session)
					: Mono.error(new SessionLimitExceededException(this.maxSessions)));
	}

	@Override
	public Mono<McpSession> findById(String id) {
		return single(this.redis.execute(FIND, keys(id), List.of(this.idleTimeoutMillis, id)))
			.map((text) -> this.json.read(text, this.clock.instant()));
	}

	@Override
	public Mono<Void> update(McpSession session) {
		List<String> args = new ArrayList<>();
		args.add(this.json.write(session));
		args.add(this.idleTimeoutMillis);
		args.add(session.getId());
		args.add(this.subscribersPrefix);
		args.addAll(session.getSubscriptions());
		return single(this.redis.execute(UPDATE, keys(session.getId()), args)).then();
	}

	@Override
	@SuppressWarnings("unchecked")
	public Flux<String> findSubscribers(String uri) {
		return single(
				this.redis.execute(SUBSCRIBERS, List.of(this.subscribersPrefix + uri), List.of(this.sessionPrefix)))
			.flatMapIterable((ids) -> (List<String>) ids);
	}

	@Override
	public Mono<Boolean> deleteById(String id) {
		return single(this.redis.execute(DELETE, keys(id), List.of(id, this.subscribersPrefix)))
			.map((deleted) -> deleted == 1);
	}

	@Override
	public Mono<Long> count() {
		return single(this.redis.execute(COUNT, List.of(this.indexKey)));
	}

	private List<String> keys(String id) {
		return List.of(this.sessionPrefix + id, this.indexKey);
	}

	private <T> Mono<T> single(Flux<T> results) {
		return this.commands.bound(results.next());
	}

}
