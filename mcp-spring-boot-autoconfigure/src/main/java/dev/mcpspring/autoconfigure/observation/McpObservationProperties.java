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
		 * every MCP request either way, and continues the caller's trace from
		 * params._meta or the traceparent HTTP header; with this off, an MCP request
		 * costs one observation instead of two, and requests refused before the engine
		 * (401, 403, 406, 413, 415) are no longer timed.
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
