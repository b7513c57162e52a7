package dev.mcpspring.transport.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.util.Assert;

/**
 * Bounds what an SSE stream holds for a client that reads slowly or not at all: at most a
 * number of events wait to be written, and waiting events must start moving within a
 * write timeout. Past either limit the stream ends at once (what is already in the
 * server's socket buffers still goes out before the end), so memory stays bounded; a
 * client of a resumable stream reconnects with {@code Last-Event-ID} and gets the events
 * the event store kept. Closed streams are counted, and the first is logged at WARN.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class StreamWriteLimits {

	private static final Log logger = LogFactory.getLog(StreamWriteLimits.class);

	private final int maxPendingEvents;

	private final Duration writeTimeout;

	private final Scheduler scheduler;

	private final AtomicLong closedStreams = new AtomicLong();

	private final AtomicBoolean warned = new AtomicBoolean();

	/**
	 * Create limits.
	 * @param maxPendingEvents the most events waiting to be written on one stream
	 * @param writeTimeout how long waiting events may make no progress
	 */
	public StreamWriteLimits(int maxPendingEvents, Duration writeTimeout) {
		this(maxPendingEvents, writeTimeout, Schedulers.parallel());
	}

	/**
	 * Create limits checking the write timeout on the given scheduler.
	 * @param maxPendingEvents the most events waiting to be written on one stream
	 * @param writeTimeout how long waiting events may make no progress
	 * @param scheduler the scheduler of the checks
	 */
	public StreamWriteLimits(int maxPendingEvents, Duration writeTimeout, Scheduler scheduler) {
		Assert.isTrue(maxPendingEvents > 0, "maxPendingEvents must be positive");
		Assert.isTrue(!writeTimeout.isNegative() && !writeTimeout.isZero(), "writeTimeout must be positive");
		this.maxPendingEvents = maxPendingEvents;
		this.writeTimeout = writeTimeout;
		this.scheduler = scheduler;
	}

	/**
	 * Limits of 1000 pending events and a 30 second write timeout.
	 * @return the defaults
	 */
	public static StreamWriteLimits defaults() {
		return new StreamWriteLimits(1000, Duration.ofSeconds(30));
	}

	/**
	 * Apply the limits to the events of one stream: the result completes, ending the
	 * stream, once the client falls too far behind.
	 * @param <T> the type of events
	 * @param events the events, as produced
	 * @return the events, as written
	 */
	public <T> Flux<T> apply(Flux<T> events) {
		return Flux.defer(() -> {
			Progress progress = new Progress();
			Sinks.One<String> overflow = Sinks.one();
			Flux<T> counted = events.doOnNext((event) -> {
				if (progress.produced() > this.maxPendingEvents) {
					overflow.tryEmitValue("more than " + this.maxPendingEvents + " events waiting");
				}
			}).onBackpressureBuffer().doOnNext((event) -> progress.written());
			Duration every = this.writeTimeout.dividedBy(4).isZero() ? this.writeTimeout
					: this.writeTimeout.dividedBy(4);
			Mono<String> stalled = Flux.interval(every, every, this.scheduler)
				.filter((tick) -> progress.isStalled(this.writeTimeout))
				.next()
				.map((tick) -> "no write progress for " + this.writeTimeout);
			return counted.takeUntilOther(Mono.firstWithValue(overflow.asMono(), stalled).doOnNext(this::closed));
		});
	}

	/**
	 * Return the number of streams closed for a slow reader.
	 * @return the count
	 */
	public long getClosedStreams() {
		return this.closedStreams.get();
	}

	public int getMaxPendingEvents() {
		return this.maxPendingEvents;
	}

	public Duration getWriteTimeout() {
		return this.writeTimeout;
	}

	private void closed(String reason) {
		this.closedStreams.incrementAndGet();
		if (this.warned.compareAndSet(false, true)) {
			logger.warn("Closed an SSE stream whose client reads too slowly (" + reason
					+ "); further ones are logged at DEBUG");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Closed an SSE stream whose client reads too slowly (" + reason + ")");
		}
	}

	/**
	 * The events produced and written on one stream, and when one was last written.
	 */
	private static final class Progress {

		private final AtomicLong produced = new AtomicLong();

		private final AtomicLong written = new AtomicLong();

		private volatile long lastWrite = System.nanoTime();

		/**
		 * Count an event produced, and return how many wait to be written.
		 */
		long produced() {
			long pending = this.produced.incrementAndGet() - this.written.get();
			if (pending == 1) {
				// nothing was waiting: the wait starts now
				this.lastWrite = System.nanoTime();
			}
			return pending;
		}

		void written() {
			this.written.incrementAndGet();
			this.lastWrite = System.nanoTime();
		}

		boolean isStalled(Duration timeout) {
			return this.produced.get() > this.written.get() && System.nanoTime() - this.lastWrite > timeout.toNanos();
		}

	}

}
