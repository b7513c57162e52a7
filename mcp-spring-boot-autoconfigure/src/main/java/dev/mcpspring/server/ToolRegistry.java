package dev.mcpspring.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.model.ListToolsResult;
import dev.mcpspring.model.Tool;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The tools a server offers, kept in name order so listing is deterministic and
 * paginates with stable cursors.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ToolRegistry {

	private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

	private static final String CURSOR_PREFIX = "after:";

	private final NavigableMap<String, ToolHandler> tools = new ConcurrentSkipListMap<>();

	/**
	 * Add a tool.
	 * @param handler the tool
	 * @throws IllegalStateException if the name is invalid or already taken
	 */
	public void register(ToolHandler handler) {
		String name = handler.getTool().name();
		Assert.state(NAME_PATTERN.matcher(name).matches(),
				() -> "Invalid tool name '" + name + "': use 1 to 128 characters from A-Z a-z 0-9 _ - .");
		ToolHandler existing = this.tools.putIfAbsent(name, handler);
		Assert.state(existing == null, () -> "Duplicate tool name '" + name + "'");
	}

	/**
	 * Remove a tool.
	 * @param name the tool name
	 * @return {@code true} if it was registered
	 */
	public boolean remove(String name) {
		return this.tools.remove(name) != null;
	}

	/**
	 * Find a tool by name.
	 * @param name the tool name
	 * @return the tool, or {@code null}
	 */
	public @Nullable ToolHandler get(String name) {
		return this.tools.get(name);
	}

	/**
	 * Return all tools in name order.
	 * @return the tools
	 */
	public List<Tool> getTools() {
		return this.tools.values().stream().map(ToolHandler::getTool).toList();
	}

	/**
	 * Return one page of tools.
	 * @param cursor the cursor from the previous page, or {@code null} for the first
	 * @param pageSize the maximum number of tools per page
	 * @return the page
	 * @throws McpException with {@code -32602} for a cursor this registry did not issue
	 */
	public ListToolsResult page(@Nullable String cursor, int pageSize) {
		NavigableMap<String, ToolHandler> remaining = (cursor != null) ? this.tools.tailMap(decode(cursor), false)
				: this.tools;
		List<Tool> page = new ArrayList<>(Math.min(pageSize, remaining.size()));
		String last = null;
		for (ToolHandler handler : remaining.values()) {
			if (page.size() == pageSize) {
				return new ListToolsResult(page, encode(last));
			}
			page.add(handler.getTool());
			last = handler.getTool().name();
		}
		return new ListToolsResult(page, null);
	}

	private static String encode(@Nullable String lastName) {
		byte[] bytes = (CURSOR_PREFIX + lastName).getBytes(StandardCharsets.UTF_8);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String decode(String cursor) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (text.startsWith(CURSOR_PREFIX)) {
				return text.substring(CURSOR_PREFIX.length());
			}
		}
		catch (IllegalArgumentException ex) {
			// fall through
		}
		throw new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Invalid cursor");
	}

}
