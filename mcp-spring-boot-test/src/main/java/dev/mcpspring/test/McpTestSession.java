package dev.mcpspring.test;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link McpTestClient} sends with every message: the protocol revision, and the
 * session id once {@code initialize} has started a session.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
final class McpTestSession {

	private final String protocolVersion;

	private final boolean stateless;

	private volatile @Nullable String sessionId;

	private volatile boolean initialized;

	McpTestSession(String protocolVersion, boolean stateless) {
		this.protocolVersion = protocolVersion;
		this.stateless = stateless;
	}

	String getProtocolVersion() {
		return this.protocolVersion;
	}

	boolean isStateless() {
		return this.stateless;
	}

	@Nullable String getSessionId() {
		return this.sessionId;
	}

	void setSessionId(@Nullable String sessionId) {
		this.sessionId = sessionId;
	}

	/**
	 * The protocol version header of the next message: none on {@code initialize}.
	 */
	@Nullable String getProtocolVersionHeader() {
		return (this.stateless || this.initialized) ? this.protocolVersion : null;
	}

	void markInitialized() {
		this.initialized = true;
	}

}
