package dev.mcpspring.server.task;

import java.util.function.UnaryOperator;

import dev.mcpspring.server.McpException;
import reactor.core.publisher.Mono;

/**
 * Keeps the tasks of the tasks extension between {@code tools/call} and the
 * {@code tasks/*} requests that poll, answer and cancel them. A store shared by several
 * instances lets any instance answer for a task that another one runs.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see InMemoryTaskStore
 */
public interface TaskStore {

	/**
	 * Store a new task, so that it can be found before its {@code CreateTaskResult} is
	 * sent. The task is discarded once its time to live has elapsed.
	 * @param task the task
	 * @return completes once stored, or fails with an {@link McpException} if the store
	 * cannot take more tasks
	 */
	Mono<Void> save(McpTask task);

	/**
	 * Find a live task of a principal.
	 * @param taskId the task id
	 * @param owner the principal name, empty for an anonymous caller
	 * @return the task, or empty if unknown, expired or owned by someone else
	 */
	Mono<McpTask> find(String taskId, String owner);

	/**
	 * Change a live task atomically: no change made meanwhile, by this instance or
	 * another, is lost.
	 * @param taskId the task id
	 * @param change returns the changed task; may be called more than once
	 * @return the changed task, or empty if the task is unknown or expired
	 */
	Mono<McpTask> update(String taskId, UnaryOperator<McpTask> change);

}
