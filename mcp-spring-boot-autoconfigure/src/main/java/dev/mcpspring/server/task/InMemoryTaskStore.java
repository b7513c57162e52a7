package dev.mcpspring.server.task;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.server.McpException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A {@link TaskStore} in memory, for one server instance: holds at most a given number
 * of tasks and discards (and cancels) each once its time to live has elapsed.
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
	public void save(McpTask task) {
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
	public @Nullable McpTask find(String taskId, String owner) {
		McpTask task = this.tasks.get(taskId);
		if (task == null) {
			return null;
		}
		Instant now = this.clock.instant();
		if (task.isExpired(now)) {
			discard(task, now);
			return null;
		}
		return task.getOwner().equals(owner) ? task : null;
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
		this.tasks.values()
			.stream()
			.filter((task) -> task.isExpired(now))
			.toList()
			.forEach((task) -> discard(task, now));
	}

	private void discard(McpTask task, Instant now) {
		if (this.tasks.remove(task.getId(), task)) {
			task.cancel(now);
		}
	}

}
