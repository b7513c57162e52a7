package dev.mcpspring.transport.webflux;

import dev.mcpspring.server.McpSessionChannels;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Completes the open session streams ({@code GET} on the MCP endpoint) when the
 * application context closes, so clients see a clean end of stream and the web server's
 * graceful shutdown is not held up by streams that would otherwise never end. Stops
 * before graceful shutdown starts (a higher phase than Boot's
 * {@code WebServerGracefulShutdownLifecycle}).
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpSessionStreamsLifecycle implements SmartLifecycle {

	/**
	 * Phase of this lifecycle: stopped before the web server shuts down gracefully
	 * ({@code DEFAULT_PHASE - 1024}).
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

	private final McpSessionChannels sessionChannels;

	private volatile boolean running;

	/**
	 * Create a lifecycle.
	 * @param sessionChannels the session streams to complete on stop
	 */
	public McpSessionStreamsLifecycle(McpSessionChannels sessionChannels) {
		Assert.notNull(sessionChannels, "McpSessionChannels is required");
		this.sessionChannels = sessionChannels;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.sessionChannels.closeAll();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
