package dev.mcpspring.transport.webflux;

import dev.mcpspring.server.McpSessionService;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Ends the open long-lived streams when the application context closes, so clients see a
 * clean end of stream and the web server's graceful shutdown is not held up by streams
 * that would otherwise never end: the {@code GET} streams of sessions complete, each
 * {@code subscriptions/listen} stream ends with the response to its listen request (a
 * graceful end in the 2026-07-28 revision), and legacy HTTP+SSE connections complete.
 * Streams opened afterwards end at once, until the context starts again. Stops before
 * graceful shutdown starts (a higher phase than Boot's
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

	private final McpSessionService sessionService;

	private final @Nullable McpSseHandler sseHandler;

	private volatile boolean running;

	/**
	 * Create a lifecycle.
	 * @param sessionService the server whose session and listen streams end on stop
	 * @param sseHandler the legacy HTTP+SSE transport whose connections end on stop, or
	 * {@code null} when it is not served
	 */
	public McpSessionStreamsLifecycle(McpSessionService sessionService, @Nullable McpSseHandler sseHandler) {
		Assert.notNull(sessionService, "McpSessionService is required");
		this.sessionService = sessionService;
		this.sseHandler = sseHandler;
	}

	/**
	 * Start, or start again after {@link #stop()}: Spring pauses a context it keeps for
	 * later, such as a cached test context, by stopping it, and restarts it when it is
	 * needed again; streams and legacy SSE connections opened from then on must last.
	 */
	@Override
	public void start() {
		this.sessionService.reopenStreams();
		if (this.sseHandler != null) {
			this.sseHandler.reopen();
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.sessionService.closeStreams();
		if (this.sseHandler != null) {
			this.sseHandler.closeAll();
		}
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
