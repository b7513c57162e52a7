package dev.mcpspring.server;

import java.time.Duration;

/**
 * Hears of tool calls cancelled because they ran longer than their timeout, for example
 * to count them.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see ToolHandler#getTimeout()
 */
@FunctionalInterface
public interface ToolTimeoutListener {

	/**
	 * Called once for each call that timed out, after its work was cancelled.
	 * @param toolName the tool
	 * @param timeout the timeout it ran into
	 */
	void onTimeout(String toolName, Duration timeout);

}
