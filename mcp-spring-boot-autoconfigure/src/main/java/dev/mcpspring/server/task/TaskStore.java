package dev.mcpspring.server.task;

import dev.mcpspring.server.McpException;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the tasks of the tasks extension between {@code tools/call} and the
 * {@code tasks/*} requests that poll, answer and cancel them.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see InMemoryTaskStore
 */
public interface TaskStore {

	/**
	 * Store a new task, so that it can be found before its {@code CreateTaskResult} is
	 * sent.
	 * @param task the task
	 * @throws McpException if the store cannot take more tasks
	 */
	void save(McpTask task);

	/**
	 * Find a live task of a principal.
	 * @param taskId the task id
	 * @param owner the principal name, empty for an anonymous caller
	 * @return the task, or {@code null} if unknown, expired or owned by someone else
	 */
	@Nullable McpTask find(String taskId, String owner);

}
