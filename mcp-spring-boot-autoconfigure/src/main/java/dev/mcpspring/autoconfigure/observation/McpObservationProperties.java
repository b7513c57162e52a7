package dev.mcpspring.autoconfigure.observation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the observation of MCP requests.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("mcp.server.observation")
public class McpObservationProperties {

	private final HttpServerRequests httpServerRequests = new HttpServerRequests();

	public HttpServerRequests getHttpServerRequests() {
		return this.httpServerRequests;
	}

	/**
	 * Boot's HTTP server observation ({@code http.server.requests}) of the MCP endpoints.
	 */
	public static class HttpServerRequests {

		/**
		 * Whether Boot's HTTP server observation (http.server.requests) also observes the
		 * requests to the MCP endpoints. The mcp.server.operation observation records
		 * every MCP request either way; with this off, an MCP request costs one
		 * observation instead of two, and a trace is continued from the trace context in
		 * params._meta only, not from HTTP headers.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
