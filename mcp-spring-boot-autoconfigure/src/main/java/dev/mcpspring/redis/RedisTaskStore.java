package dev.mcpspring.redis;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.server.McpException;
import dev.mcpspring.server.session.SessionStoreUnavailableException;
import dev.mcpspring.server.task.McpTask;
import dev.mcpspring.server.task.TaskStore;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * {@link TaskStore} in Redis, shared by every instance of a server, so that any instance
 * answers {@code tasks/get}, {@code tasks/update} and {@code tasks/cancel}. Each task is
 * a JSON string that expires with the task; a sorted set of the live task ids, scored by
 * expiry, caps their number across instances. A change is applied optimistically: it is
 * written only if the task is still the one it was made from, and made again otherwise.
 * <p>
 * Every command is bounded by a timeout and fails with
 * {@link SessionStoreUnavailableException} when Redis does not answer in time.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class RedisTaskStore implements TaskStore {

	private static final int MAX_ATTEMPTS = 16;

	/**
	 * KEYS: task, index. ARGV: json, ttl, max, id.
	 */
	private static final RedisScript<Long> SAVE = RedisScript.of("""
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
			if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then return 0 end
			redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), ARGV[4])
			return 1
			""", Long.class);

	/**
	 * KEYS: task. ARGV: expected json, new json. Returns 1 when written, 0 when the task
	 * changed meanwhile, -1 when it is gone.
	 */
	private static final RedisScript<Long> REPLACE = RedisScript.of("""
			local current = redis.call('GET', KEYS[1])
			if not current then return -1 end
			if current ~= ARGV[1] then return 0 end
			redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
			return 1
			""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final JsonMapper jsonMapper;

	private final RedisCommands commands;

	private final int maxTasks;

	private final String taskPrefix;

	private final String indexKey;

	/**
	 * Create a store.
	 * @param redis the template to run commands with
	 * @param jsonMapper the mapper that writes tasks
	 * @param keyPrefix the prefix of every key, such as {@code mcp:}
	 * @param maxTasks the maximum number of live tasks across instances
	 * @param timeout how long a command may take before the store counts as unavailable
	 */
	public RedisTaskStore(ReactiveStringRedisTemplate redis, JsonMapper jsonMapper, String keyPrefix, int maxTasks,
			Duration timeout) {
		Assert.notNull(redis, "ReactiveStringRedisTemplate is required");
		Assert.notNull(jsonMapper, "JsonMapper is required");
		Assert.notNull(keyPrefix, "Key prefix is required");
		Assert.isTrue(maxTasks > 0, "maxTasks must be positive");
		this.redis = redis;
		this.jsonMapper = jsonMapper;
		this.commands = new RedisCommands(timeout);
		this.maxTasks = maxTasks;
		this.taskPrefix = keyPrefix + "task:";
		this.indexKey = keyPrefix + "tasks";
	}

	@Override
	public Mono<Void> save(McpTask task) {
		List<String> args = List.of(write(task), Long.toString(task.getTtl().toMillis()),
				Integer.toString(this.maxTasks), task.getId());
		return this.commands.bound(this.redis.execute(SAVE, List.of(key(task.getId()), this.indexKey), args).next())
			.flatMap((saved) -> (saved == 1) ? Mono.empty() : Mono
				.error(new McpException(JsonRpcErrorCodes.INTERNAL_ERROR, "Too many tasks, try again later")));
	}

	@Override
	public Mono<McpTask> find(String taskId, String owner) {
		return get(taskId).map(this::read).filter((task) -> task.getOwner().equals(owner));
	}

	@Override
	public Mono<McpTask> update(String taskId, UnaryOperator<McpTask> change) {
		return update(taskId, change, MAX_ATTEMPTS);
	}

	private Mono<McpTask> update(String taskId, UnaryOperator<McpTask> change, int attemptsLeft) {
		return get(taskId).flatMap((json) -> {
			McpTask changed = change.apply(read(json));
			List<String> args = List.of(json, write(changed));
			return this.commands.bound(this.redis.execute(REPLACE, List.of(key(taskId)), args).next())
				.flatMap((written) -> {
					if (written == 1) {
						return Mono.just(changed);
					}
					if (written == 0 && attemptsLeft > 1) {
						return update(taskId, change, attemptsLeft - 1);
					}
					return (written == 0) ? Mono.error(new SessionStoreUnavailableException(
							new IllegalStateException("Task " + taskId + " kept changing"))) : Mono.empty();
				});
		});
	}

	private Mono<String> get(String taskId) {
		return this.commands.bound(this.redis.opsForValue().get(key(taskId)));
	}

	private String key(String taskId) {
		return this.taskPrefix + taskId;
	}

	private String write(McpTask task) {
		return this.jsonMapper.writeValueAsString(task.toStorage());
	}

	private McpTask read(String json) {
		return McpTask.fromStorage(this.jsonMapper.readTree(json));
	}

}
