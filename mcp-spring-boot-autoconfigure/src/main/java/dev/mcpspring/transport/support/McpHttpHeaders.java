package dev.mcpspring.transport.support;

/**
 * HTTP header names of the MCP Streamable HTTP transport.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class McpHttpHeaders {

	/**
	 * The session id issued with the {@code initialize} response.
	 */
	public static final String MCP_SESSION_ID = "Mcp-Session-Id";

	/**
	 * The protocol revision of each request after initialization.
	 */
	public static final String MCP_PROTOCOL_VERSION = "MCP-Protocol-Version";

	private McpHttpHeaders() {
	}

}
