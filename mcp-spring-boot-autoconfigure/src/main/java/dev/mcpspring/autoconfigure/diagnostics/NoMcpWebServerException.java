package dev.mcpspring.autoconfigure.diagnostics;

import org.springframework.util.Assert;

/**
 * Thrown at startup when the MCP server is to be served over HTTP but the application is
 * not a web application, because no web server is on the classpath, and stdio is off: no
 * client could reach the server.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see NoMcpWebServerFailureAnalyzer
 */
public class NoMcpWebServerException extends RuntimeException {

	private final String serverName;

	/**
	 * Create an exception.
	 * @param serverName the name of the MCP server, {@code mcp.server.name}
	 */
	public NoMcpWebServerException(String serverName) {
		super("MCP server '" + serverName + "' is to be served over HTTP, but the application is not a web "
				+ "application");
		Assert.hasText(serverName, "Server name is required");
		this.serverName = serverName;
	}

	/**
	 * Return the name of the MCP server.
	 * @return the server name
	 */
	public String getServerName() {
		return this.serverName;
	}

}
