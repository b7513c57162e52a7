package dev.mcpspring.redis;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.server.EmitRetry;
import dev.mcpspring.transport.support.McpEventStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.stream.StreamReceiver;
import org.springframework.util.Assert;

/**
 * {@link McpEventStore} on Redis Streams, so that a client resumes a broken SSE stream
 * with {@code Last-Event-ID} on any instance. Each SSE stream is a Redis stream, keyed by
 * its session, trimmed to about the last events and expiring once unused for the
 * retention period; its last entry marks the end. The instance writing a stream serves
 * its own clients from memory; another instance replays the Redis stream and follows it
 * until the end mark, or until no event came for an idle timeout, since the writer may
 * be gone.
 * <p>
 * Writing an event is one round trip, sent without waiting; a write that fails is
 * logged and only costs the ability to resume that far.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class RedisMcpEventStore implements McpEventStore {

	private static final Log logger = LogFactory.getLog(RedisMcpEventStore.class);

	private static final String MESSAGE = "m";

	private static final String SEQUENCE = "s";

	private static final String END = "end";

	/**
	 * KEYS: stream. ARGV: max length, retention, field, value, field, value.
	 */
	private static final RedisScript<String> APPEND = RedisScript.of("""
			local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', ARGV[3], ARGV[4], ARGV[5], ARGV[6])
			redis.call('PEXPIRE', KEYS[1], ARGV[2])
			return id
			""", String.class);

	private final ReactiveStringRedisTemplate redis;

	private final StreamReceiver<String, MapRecord<String, String, String>> receiver;

	private final JsonRpcCodec codec;

	private final RedisCommands commands;

	private final String keyPrefix;

	private final int maxEventsPerStream;

	private final String retentionMillis;

	private final Duration resumeIdleTimeout;

	private final Map<String, Stream> localStreams = new ConcurrentHashMap<>();

	private final String instancePrefix = Long.toHexString(new SecureRandom().nextLong() & Long.MAX_VALUE) + "x";

	private final AtomicLong streamIds = new AtomicLong();

	/**
	 * Create a store.
	 * @param redis the template to run commands with
	 * @param codec the codec of the messages kept
	 * @param keyPrefix the prefix of every key, such as {@code mcp:}
	 * @param maxEventsPerStream about how many recent events each stream keeps
	 * @param retention how long an unused stream stays resumable
	 * @param resumeIdleTimeout how long a stream resumed on another instance waits for a
	 * new event before it ends
	 * @param timeout how long a command may take before Redis counts as unavailable
	 */
	public RedisMcpEventStore(ReactiveStringRedisTemplate redis, JsonRpcCodec codec, String keyPrefix,
			int maxEventsPerStream, Duration retention, Duration resumeIdleTimeout, Duration timeout) {
		Assert.notNull(redis, "ReactiveStringRedisTemplate is required");
		Assert.notNull(codec, "JsonRpcCodec is required");
		Assert.isTrue(maxEventsPerStream > 0, "maxEventsPerStream must be positive");
		Assert.isTrue(retention.toMillis() > 0, "retention must be positive");
		Assert.isTrue(resumeIdleTimeout.toMillis() > 0, "resumeIdleTimeout must be positive");
		this.redis = redis;
		this.receiver = StreamReceiver.create(redis.getConnectionFactory(),
				StreamReceiver.StreamReceiverOptions.builder()
					.pollTimeout(timeout.dividedBy(2))
					.serializer(redis.getSerializationContext())
					.build());
		this.codec = codec;
		this.commands = new RedisCommands(timeout);
		this.keyPrefix = keyPrefix;
		this.maxEventsPerStream = maxEventsPerStream;
		this.retentionMillis = Long.toString(retention.toMillis());
		this.resumeIdleTimeout = resumeIdleTimeout;
	}

	@Override
	public EventStream create(String sessionId) {
		String streamId = this.instancePrefix + Long.toHexString(this.streamIds.incrementAndGet());
		Stream stream = new Stream(streamId, sessionId);
		this.localStreams.put(streamId, stream);
		return stream;
	}

	@Override
	public Mono<Flux<Event>> resume(String sessionId, String lastEventId) {
		int separator = lastEventId.lastIndexOf('-');
		if (separator <= 0) {
			return Mono.empty();
		}
		String streamId = lastEventId.substring(0, separator);
		long last;
		try {
			last = Long.parseLong(lastEventId.substring(separator + 1));
		}
		catch (NumberFormatException ex) {
			return Mono.empty();
		}
		Stream local = this.localStreams.get(streamId);
		if (local != null) {
			return local.sessionId.equals(sessionId)
					? Mono.just(local.events().filter((event) -> sequenceOf(event) > last)) : Mono.empty();
		}
		String key = key(sessionId, streamId);
		return this.commands.bound(this.redis.hasKey(key))
			.flatMap((exists) -> exists ? Mono.just(follow(key, streamId, last)) : Mono.empty());
	}

	/**
	 * Replay a stream another instance writes, and follow it until its end mark or
	 * until it stays idle too long.
	 */
	private Flux<Event> follow(String key, String streamId, long last) {
		return this.receiver.receive(StreamOffset.create(key, ReadOffset.from("0-0")))
			.timeout(this.resumeIdleTimeout)
			.takeUntil((record) -> record.getValue().containsKey(END))
			.filter((record) -> !record.getValue().containsKey(END))
			.map((record) -> new Event(streamId + "-" + record.getValue().get(SEQUENCE), decode(record)))
			.filter((event) -> sequenceOf(event) > last)
			.onErrorResume((ex) -> {
				if (!(ex instanceof TimeoutException)) {
					logger.warn("Resumed stream ended early: " + ex.getClass().getSimpleName());
				}
				return Flux.empty();
			});
	}

	private JsonRpcMessage decode(MapRecord<String, String, String> record) {
		return this.codec.decode(record.getValue().get(MESSAGE).getBytes(StandardCharsets.UTF_8));
	}

	private static long sequenceOf(Event event) {
		String id = event.id();
		return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
	}

	private String key(String sessionId, String streamId) {
		return this.keyPrefix + "events:" + sessionId + ":" + streamId;
	}

	private void append(String key, List<String> entry) {
		this.commands
			.bound(this.redis.execute(APPEND, List.of(key),
					List.of(Integer.toString(this.maxEventsPerStream), this.retentionMillis, entry.get(0),
							entry.get(1), entry.get(2), entry.get(3)))
				.next())
			.subscribe(null, (ex) -> {
				if (logger.isDebugEnabled()) {
					logger.debug("Could not keep a stream event in Redis", ex);
				}
			});
	}

	private final class Stream implements EventStream {

		private final String id;

		private final String sessionId;

		private final String key;

		private final AtomicLong sequence = new AtomicLong();

		private final Sinks.Many<Event> sink = Sinks.many()
			.replay()
			.limit(RedisMcpEventStore.this.maxEventsPerStream);

		private volatile boolean completed;

		Stream(String id, String sessionId) {
			this.id = id;
			this.sessionId = sessionId;
			this.key = key(sessionId, id);
		}

		@Override
		public synchronized void emit(JsonRpcMessage message) {
			long seq = this.sequence.incrementAndGet();
			String json = RedisMcpEventStore.this.codec.encodeToString(message);
			append(this.key, List.of(SEQUENCE, Long.toString(seq), MESSAGE, json));
			this.sink.emitNext(new Event(this.id + "-" + seq, message), EmitRetry.handler());
		}

		@Override
		public synchronized void complete() {
			if (this.completed) {
				return;
			}
			this.completed = true;
			append(this.key, List.of(SEQUENCE, Long.toString(this.sequence.get()), END, "1"));
			this.sink.emitComplete(EmitRetry.handler());
			RedisMcpEventStore.this.localStreams.remove(this.id, this);
		}

		@Override
		public Flux<Event> events() {
			return this.sink.asFlux();
		}

	}

}
