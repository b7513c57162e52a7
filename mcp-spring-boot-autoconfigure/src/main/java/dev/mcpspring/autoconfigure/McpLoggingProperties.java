package dev.mcpspring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

/**
 * Configuration properties of the diagnostic logging of the MCP server
 * ({@code mcp.server.logging}).
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpLoggingProperties {

	private static final List<String> DEFAULT_REDACTED_NAMES = List.of("password", "passwd", "pwd", "passphrase",
			"secret", "token", "key", "apikey", "authorization", "auth", "credential", "cookie", "signature");

	/**
	 * Whether to log every MCP request, its response and the messages sent to the client
	 * while it is served, one line each on the dev.mcpspring.traffic logger: at INFO
	 * without payloads, at DEBUG with redacted payloads.
	 */
	private boolean traffic;

	/**
	 * Words that mark a field as secret in logged payloads: its value is replaced by
	 * asterisks. A field name is split into words at case changes and at characters other
	 * than letters and digits, so apiKey, api_key and X-Api-Key all contain key; a word
	 * may also end in s. Values that start with "Bearer " or "Basic " are always
	 * redacted.
	 */
	private List<String> redactedNames = new ArrayList<>(DEFAULT_REDACTED_NAMES);

	/**
	 * Largest number of characters of one logged payload; longer payloads are cut.
	 */
	private int maxPayloadLength = 2000;

	public boolean isTraffic() {
		return this.traffic;
	}

	public void setTraffic(boolean traffic) {
		this.traffic = traffic;
	}

	public List<String> getRedactedNames() {
		return this.redactedNames;
	}

	public void setRedactedNames(List<String> redactedNames) {
		this.redactedNames = redactedNames;
	}

	public int getMaxPayloadLength() {
		return this.maxPayloadLength;
	}

	public void setMaxPayloadLength(int maxPayloadLength) {
		this.maxPayloadLength = maxPayloadLength;
	}

}
