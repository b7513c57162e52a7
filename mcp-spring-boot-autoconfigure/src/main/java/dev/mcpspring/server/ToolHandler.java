package dev.mcpspring.server;

import java.time.Duration;

import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.Tool;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A tool: its description and how to call it. Usually created from an {@code @McpTool}
 * method, but any implementation can be registered.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public interface ToolHandler {

	/**
	 * Return the tool as listed to clients.
	 * @return the tool
	 */
	Tool getTool();

	/**
	 * Call the tool. Errors are resolved by the {@link McpExceptionResolver} chain.
	 * @param call the invocation
	 * @return the result
	 */
	Mono<CallToolResult> call(ToolCall call);

	/**
	 * Return how long a call may run before it is cancelled and answered with a tool
	 * error.
	 * @return the timeout, {@link Duration#ZERO} for none, or {@code null} (the default)
	 * for the server's ({@code mcp.server.tools.timeout})
	 */
	default @Nullable Duration getTimeout() {
		return null;
	}

}
