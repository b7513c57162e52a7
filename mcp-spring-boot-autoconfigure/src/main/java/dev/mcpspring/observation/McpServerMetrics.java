package dev.mcpspring.observation;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import dev.mcpspring.server.OpenStreams;
import dev.mcpspring.server.session.McpSessionRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.scheduler.Schedulers;

import org.springframework.util.Assert;

/**
 * Gauges of the MCP server: {@value #SESSIONS_ACTIVE} and {@value #STREAMS_OPEN}.
 * <p>
 * The session count comes from the asynchronous {@link McpSessionRepository}: on a thread
 * that may block, such as a Prometheus scrape, it is read with a timeout; on an
 * event-loop thread a refresh is started and the last known value is reported.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpServerMetrics implements MeterBinder {

	/**
	 * Name of the gauge of live sessions.
	 */
	public static final String SESSIONS_ACTIVE = "mcp.server.sessions.active";

	/**
	 * Name of the gauge of open long-lived streams: {@code GET} streams of sessions,
	 * {@code subscriptions/listen} streams and legacy HTTP+SSE connections.
	 */
	public static final String STREAMS_OPEN = "mcp.server.streams.open";

	private static final Log logger = LogFactory.getLog(McpServerMetrics.class);

	private final McpSessionRepository sessionRepository;

	private final OpenStreams openStreams;

	private final Duration timeout;

	private final AtomicLong lastSessionCount = new AtomicLong();

	/**
	 * Create the gauges.
	 * @param sessionRepository where sessions are kept
	 * @param openStreams the long-lived streams open for clients
	 * @param timeout how long to wait for the session count
	 */
	public McpServerMetrics(McpSessionRepository sessionRepository, OpenStreams openStreams, Duration timeout) {
		Assert.notNull(sessionRepository, "McpSessionRepository is required");
		Assert.notNull(openStreams, "OpenStreams is required");
		this.sessionRepository = sessionRepository;
		this.openStreams = openStreams;
		this.timeout = timeout;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(SESSIONS_ACTIVE, this, McpServerMetrics::sessionCount)
			.description("Live MCP sessions")
			.register(registry);
		Gauge.builder(STREAMS_OPEN, this.openStreams, OpenStreams::getOpenCount)
			.description("Open long-lived MCP streams: GET streams of sessions, listen streams, legacy SSE connections")
			.register(registry);
	}

	private double sessionCount() {
		if (Schedulers.isInNonBlockingThread()) {
			this.sessionRepository.count()
				.timeout(this.timeout)
				.subscribe(this.lastSessionCount::set, (ex) -> logFailure(ex));
		}
		else {
			try {
				Long count = this.sessionRepository.count().block(this.timeout);
				this.lastSessionCount.set((count != null) ? count : 0);
			}
			catch (RuntimeException ex) {
				logFailure(ex);
			}
		}
		return this.lastSessionCount.get();
	}

	private static void logFailure(Throwable ex) {
		if (logger.isDebugEnabled()) {
			logger.debug("Session count unavailable, reporting the last known value", ex);
		}
	}

}
