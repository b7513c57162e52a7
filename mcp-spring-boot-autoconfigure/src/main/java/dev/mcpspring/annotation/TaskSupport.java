package dev.mcpspring.annotation;

/**
 * Whether a tool runs as a task of the tasks extension
 * ({@code io.modelcontextprotocol/tasks}), published as the tool's
 * {@code execution.taskSupport}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663:
 * Tasks extension</a>
 */
public enum TaskSupport {

	/**
	 * The tool always answers synchronously; nothing is published.
	 */
	NONE,

	/**
	 * The tool runs as a task for clients that declare the extension, and synchronously
	 * for the others ({@code "optional"}).
	 */
	OPTIONAL,

	/**
	 * The tool runs only as a task; clients that do not declare the extension get
	 * {@code -32021} ({@code "required"}).
	 */
	REQUIRED

}
