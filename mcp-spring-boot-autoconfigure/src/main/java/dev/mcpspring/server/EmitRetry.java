package dev.mcpspring.server;

import java.time.Duration;

import reactor.core.publisher.Sinks;

/**
 * Emission into Reactor sinks that several threads may emit into at once: an emission
 * that races with another one is retried for up to 100 ms instead of failing. A handler
 * is made per emission because Reactor's busy-looping handler fixes its deadline when it
 * is created; one kept in a constant stops retrying 100 ms after class initialization.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class EmitRetry {

	private static final Duration LIMIT = Duration.ofMillis(100);

	private EmitRetry() {
	}

	/**
	 * Return a handler for one emission.
	 * @return a handler that retries concurrent emissions until 100 ms from now
	 */
	public static Sinks.EmitFailureHandler handler() {
		return Sinks.EmitFailureHandler.busyLooping(LIMIT);
	}

}
