package dev.mcpspring.server.task;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.server.McpException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * A {@link TaskStore} in memory, for one server instance: holds at most a given number of
 * tasks and discards each once its time to live has elapsed.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class InMemoryTaskStore implements TaskStore {

	private final Map<String, McpTask> tasks = new ConcurrentHashMap<>();

	private final int maxTasks;

	private final Clock clock;

	/**
	 * Create a store.
	 * @param maxTasks the maximum number of live tasks
	 * @param clock the clock for expiry
	 */
	public InMemoryTaskStore(int maxTasks, Clock clock) {
		Assert.isTrue(maxTasks > 0, "maxTasks must be positive");
		Assert.notNull(clock, "Clock is required");
		this.maxTasks = maxTasks;
		this.clock = clock;
	}

	@Override
	public Mono<Void> save(McpTask task) {
		return Mono.fromRunnable(() -> add(task));
	}

	private void add(McpTask task) {
		if (this.tasks.size() >= this.maxTasks) {
			removeExpired();
		}
		synchronized (this) {
			if (this.tasks.size() >= this.maxTasks) {
				throw new McpException(JsonRpcErrorCodes.INTERNAL_ERROR, "Too many tasks, try again later");
			}
			this.tasks.put(task.getId(), task);
		}
	}

	@Override
	public Mono<McpTask> find(String taskId, String owner) {
		return Mono.fromSupplier(() -> live(this.tasks.get(taskId), this.clock.instant()))
			.filter((task) -> task.getOwner().equals(owner));
	}

	@Override
	public Mono<McpTask> update(String taskId, UnaryOperator<McpTask> change) {
		return Mono.fromSupplier(() -> {
			Instant now = this.clock.instant();
			return this.tasks.computeIfPresent(taskId, (id, task) -> task.isExpired(now) ? null : change.apply(task));
		});
	}

	private @Nullable McpTask live(@Nullable McpTask task, Instant now) {
		if (task != null && task.isExpired(now)) {
			this.tasks.remove(task.getId(), task);
			return null;
		}
		return task;
	}

	/**
	 * Return the number of tasks held, expired ones included until discarded.
	 * @return the number of tasks
	 */
	public int size() {
		return this.tasks.size();
	}

	/**
	 * Discard every task whose time to live has elapsed.
	 */
	public void removeExpired() {
		Instant now = this.clock.instant();
		this.tasks.values().removeIf((task) -> task.isExpired(now));
	}

}
