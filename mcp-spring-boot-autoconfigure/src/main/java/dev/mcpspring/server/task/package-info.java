/**
 * The tasks extension of the stateless revision: tool calls run as tasks that clients
 * poll, answer and cancel, kept in a {@link dev.mcpspring.server.task.TaskStore}.
 */
@NullMarked
package dev.mcpspring.server.task;

import org.jspecify.annotations.NullMarked;
