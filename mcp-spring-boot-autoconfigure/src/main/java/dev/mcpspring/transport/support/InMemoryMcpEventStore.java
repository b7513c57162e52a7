package dev.mcpspring.transport.support;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.mcpspring.jsonrpc.JsonRpcMessage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * {@link McpEventStore} in memory: each stream keeps its last events up to a bound,
 * completed streams are forgotten after a retention period, and the number of streams
 * kept is capped, oldest completed first. Expired streams are swept at most once a
 * second, so opening a stream stays cheap under load.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class InMemoryMcpEventStore implements McpEventStore {

	private static final Sinks.EmitFailureHandler EMIT_RETRY = Sinks.EmitFailureHandler
		.busyLooping(Duration.ofMillis(100));

	private final Map<String, Stream> streams = new ConcurrentHashMap<>();

	private static final int MAX_STREAMS = 10_000;

	private final String prefix = HexFormat.of().toHexDigits(new SecureRandom().nextInt());

	private final AtomicLong streamIds = new AtomicLong();

	private final AtomicLong lastPrune = new AtomicLong();

	private final int maxEventsPerStream;

	private final Duration retention;

	private final Clock clock;

	/**
	 * Create a store.
	 * @param maxEventsPerStream how many recent events each stream keeps for replay
	 * @param retention how long a completed stream stays resumable
	 * @param clock the clock
	 */
	public InMemoryMcpEventStore(int maxEventsPerStream, Duration retention, Clock clock) {
		this.maxEventsPerStream = maxEventsPerStream;
		this.retention = retention;
		this.clock = clock;
	}

	@Override
	public EventStream create(String sessionId) {
		pruneIfDue();
		Stream stream = new Stream(this.prefix + Long.toHexString(this.streamIds.incrementAndGet()), sessionId);
		this.streams.put(stream.id, stream);
		return stream;
	}

	@Override
	public @Nullable Flux<Event> resume(String sessionId, String lastEventId) {
		int separator = lastEventId.lastIndexOf('-');
		if (separator <= 0) {
			return null;
		}
		Stream stream = this.streams.get(lastEventId.substring(0, separator));
		if (stream == null || !stream.sessionId.equals(sessionId)) {
			return null;
		}
		long last;
		try {
			last = Long.parseLong(lastEventId.substring(separator + 1));
		}
		catch (NumberFormatException ex) {
			return null;
		}
		return stream.events().filter((event) -> sequenceOf(event.id()) > last);
	}

	private static long sequenceOf(String eventId) {
		return Long.parseLong(eventId.substring(eventId.lastIndexOf('-') + 1));
	}

	private void pruneIfDue() {
		long now = this.clock.millis();
		long last = this.lastPrune.get();
		boolean full = this.streams.size() >= MAX_STREAMS;
		if ((full || now - last >= 1000) && this.lastPrune.compareAndSet(last, now)) {
			Instant cutoff = Instant.ofEpochMilli(now).minus(this.retention);
			this.streams.values()
				.removeIf((stream) -> stream.completedAt != null && (full || stream.completedAt.isBefore(cutoff)));
		}
	}

	private final class Stream implements EventStream {

		private final String id;

		private final String sessionId;

		private final AtomicLong sequence = new AtomicLong();

		private final Sinks.Many<Event> sink = Sinks.many().replay().limit(InMemoryMcpEventStore.this.maxEventsPerStream);

		private volatile @Nullable Instant completedAt;

		Stream(String id, String sessionId) {
			this.id = id;
			this.sessionId = sessionId;
		}

		@Override
		public synchronized void emit(JsonRpcMessage message) {
			this.sink.emitNext(new Event(this.id + "-" + this.sequence.incrementAndGet(), message), EMIT_RETRY);
		}

		@Override
		public synchronized void complete() {
			this.completedAt = InMemoryMcpEventStore.this.clock.instant();
			this.sink.emitComplete(EMIT_RETRY);
		}

		@Override
		public Flux<Event> events() {
			return this.sink.asFlux();
		}

	}

}
