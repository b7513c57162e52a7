package dev.mcpspring.server;

import java.util.List;
import java.util.regex.Pattern;

import dev.mcpspring.model.ListToolsResult;
import dev.mcpspring.model.Tool;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The tools a server offers, by name.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ToolRegistry extends FeatureRegistry<ToolHandler> {

	private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

	@Override
	protected String keyOf(ToolHandler handler) {
		return handler.getTool().name();
	}

	@Override
	protected String featureName() {
		return "tool name";
	}

	/**
	 * Check that the tool name is valid.
	 * @param handler the tool
	 * @throws IllegalStateException if the name is invalid
	 */
	@Override
	protected void validate(ToolHandler handler) {
		String name = handler.getTool().name();
		Assert.state(NAME_PATTERN.matcher(name).matches(),
				() -> "Invalid tool name '" + name + "': use 1 to 128 characters from A-Z a-z 0-9 _ - .");
	}

	/**
	 * Return all enabled tools in name order.
	 * @return the tools
	 */
	public List<Tool> getTools() {
		return getHandlers().stream().map(ToolHandler::getTool).toList();
	}

	/**
	 * Return one page of tools.
	 * @param cursor the cursor from the previous page, or {@code null} for the first
	 * @param pageSize the maximum number of tools per page
	 * @return the page
	 * @throws McpException with {@code -32602} for a cursor this registry did not issue
	 */
	public ListToolsResult page(@Nullable String cursor, int pageSize) {
		Page<Tool> page = page(cursor, pageSize, ToolHandler::getTool);
		return new ListToolsResult(page.items(), page.nextCursor());
	}

}
