package dev.mcpspring.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Configuration properties of tool calls ({@code mcp.server.tools}).
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpToolsProperties {

	/**
	 * How long a tool call may run before it is cancelled and answered with a tool error,
	 * for tools that set no timeout of their own (@McpTool(timeout)). Unset or 0 for no
	 * timeout.
	 */
	private @Nullable Duration timeout;

	/**
	 * New names of annotated tools, by the name they would otherwise have. Scopes
	 * configured or declared for a tool apply under its new name.
	 */
	private Map<String, String> rename = new LinkedHashMap<>();

	private final Headers headers = new Headers();

	public Headers getHeaders() {
		return this.headers;
	}

	public @Nullable Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(@Nullable Duration timeout) {
		this.timeout = timeout;
	}

	public Map<String, String> getRename() {
		return this.rename;
	}

	public void setRename(Map<String, String> rename) {
		this.rename = rename;
	}

	public static class Headers {

		/**
		 * Whether handlers may read the headers that carry credentials (Authorization,
		 * Proxy-Authorization, Cookie, Set-Cookie) through @McpHeader or HttpHeaders
		 * parameters; they read as absent otherwise.
		 */
		private boolean exposeSensitive;

		public boolean isExposeSensitive() {
			return this.exposeSensitive;
		}

		public void setExposeSensitive(boolean exposeSensitive) {
			this.exposeSensitive = exposeSensitive;
		}

	}

}
