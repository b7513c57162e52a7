package dev.mcpspring.server;

/**
 * Decides which tools, prompts and resources a request may see and use, for example by
 * the caller's OAuth scopes. Hidden features are left out of lists and answer as unknown.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface McpFeatureFilter {

	/**
	 * Whether a feature is visible to a request.
	 * @param feature the listed item: a {@code Tool}, {@code Prompt}, {@code Resource} or
	 * {@code ResourceTemplate}
	 * @param request the request
	 * @return {@code true} to show it
	 */
	boolean isVisible(Object feature, McpRequest request);

}
