package dev.mcpspring.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import dev.mcpspring.server.EmitRetry;
import dev.mcpspring.server.session.McpSessionBroker;
import dev.mcpspring.transport.support.McpEventStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

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
 * until the end mark. While no event comes, the follower asks the
 * {@link McpSessionBroker} now and then whether the writer still runs: once it is gone,
 * the events it wrote are replayed and the stream ends, with an error for the request it
 * was answering, so that the client is told at once instead of waiting on a stream that
 * will never end. A writer that runs but sends nothing ends the stream after an idle
 * timeout.
 * <p>
 * Writing an event is one round trip, sent without waiting; a write that fails is logged
 * and only costs the ability to resume that far.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class RedisMcpEventStore implements McpEventStore {

	private static final Log logger = LogFactory.getLog(RedisMcpEventStore.class);

	private static final String MESSAGE = "m";

	private static final String SEQUENCE = "s";

	private static final String END = "end";

	private static final String REQUEST_ID = "r";

	/**
	 * Separates the writer's instance id from the number of the stream in a stream id.
	 */
	private static final char WRITER_SEPARATOR = 'x';

	/**
	 * KEYS: stream. ARGV: max length, retention, then the fields and values.
	 */
	private static final RedisScript<String> APPEND = RedisScript.of("""
			local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(ARGV, 3))
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

	private final McpSessionBroker broker;

	private final Duration writerCheckInterval;

	private final Map<String, Stream> localStreams = new ConcurrentHashMap<>();

	private final String instancePrefix;

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
	 * @param broker tells whether the instance writing a stream still runs; its instance
	 * id names the streams this instance writes
	 * @param writerCheckInterval how long a resumed stream waits for an event before it
	 * asks whether its writer still runs
	 */
	public RedisMcpEventStore(ReactiveStringRedisTemplate redis, JsonRpcCodec codec, String keyPrefix,
			int maxEventsPerStream, Duration retention, Duration resumeIdleTimeout, Duration timeout,
			McpSessionBroker broker, Duration writerCheckInterval) {
		Assert.notNull(redis, "ReactiveStringRedisTemplate is required");
		Assert.notNull(codec, "JsonRpcCodec is required");
		Assert.isTrue(maxEventsPerStream > 0, "maxEventsPerStream must be positive");
		Assert.isTrue(retention.toMillis() > 0, "retention must be positive");
		Assert.isTrue(resumeIdleTimeout.toMillis() > 0, "resumeIdleTimeout must be positive");
		Assert.notNull(broker, "McpSessionBroker is required");
		Assert.isTrue(writerCheckInterval.toMillis() > 0, "writerCheckInterval must be positive");
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
		this.broker = broker;
		this.writerCheckInterval = writerCheckInterval;
		this.instancePrefix = broker.getInstanceId() + WRITER_SEPARATOR;
	}

	@Override
	public EventStream create(String sessionId) {
		return open(sessionId, null);
	}

	@Override
	public EventStream create(String sessionId, JsonNode requestId) {
		return open(sessionId, requestId.toString());
	}

	private EventStream open(String sessionId, @Nullable String requestId) {
		String streamId = this.instancePrefix + Long.toHexString(this.streamIds.incrementAndGet());
		Stream stream = new Stream(streamId, sessionId, requestId);
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
	 * Replay a stream another instance writes, and follow it until its end mark, until
	 * its writer is gone, or until it stays idle too long.
	 */
	private Flux<Event> follow(String key, String streamId, long last) {
		Follower follower = new Follower(key, streamId);
		return follower.records()
			.takeUntil((record) -> record.getValue().containsKey(END))
			.filter((record) -> !record.getValue().containsKey(END))
			.map((record) -> new Event(streamId + "-" + record.getValue().get(SEQUENCE), decode(record)))
			.doOnNext(follower::delivered)
			.concatWith(Flux.defer(follower::interruption))
			.filter((event) -> sequenceOf(event) > last)
			.onErrorResume((ex) -> {
				logger.warn("Resumed stream ended early: " + ex.getClass().getSimpleName());
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
		List<String> arguments = new ArrayList<>(entry.size() + 2);
		arguments.add(Integer.toString(this.maxEventsPerStream));
		arguments.add(this.retentionMillis);
		arguments.addAll(entry);
		this.commands.bound(this.redis.execute(APPEND, List.of(key), arguments).next()).subscribe(null, (ex) -> {
			if (logger.isDebugEnabled()) {
				logger.debug("Could not keep a stream event in Redis", ex);
			}
		});
	}

	/**
	 * Follows the Redis stream of another instance: reads it while events come, asks
	 * whether the writer still runs whenever none came for a while, and reads what is
	 * left once it is gone.
	 */
	private final class Follower {

		private final String key;

		private final String streamId;

		private final String writer;

		private volatile String lastRecordId = "0-0";

		private volatile long lastSequence;

		private volatile long idleSince = System.nanoTime();

		private volatile @Nullable String requestId;

		private volatile boolean writerGone;

		private volatile boolean finished;

		Follower(String key, String streamId) {
			this.key = key;
			this.streamId = streamId;
			int separator = streamId.lastIndexOf(WRITER_SEPARATOR);
			this.writer = (separator > 0) ? streamId.substring(0, separator) : streamId;
		}

		Flux<MapRecord<String, String, String>> records() {
			return RedisMcpEventStore.this.receiver
				.receive(StreamOffset.create(this.key, ReadOffset.from(this.lastRecordId)))
				.doOnNext(this::seen)
				.timeout(RedisMcpEventStore.this.writerCheckInterval)
				.onErrorResume(TimeoutException.class, (ex) -> afterQuietPeriod());
		}

		private Flux<MapRecord<String, String, String>> afterQuietPeriod() {
			return RedisMcpEventStore.this.broker.isInstanceAlive(this.writer).flatMapMany((alive) -> {
				if (!alive) {
					this.writerGone = true;
					return rest();
				}
				long idle = System.nanoTime() - this.idleSince;
				return (idle < RedisMcpEventStore.this.resumeIdleTimeout.toNanos()) ? records() : Flux.empty();
			});
		}

		/**
		 * Read what the writer added before it went and was not read yet.
		 */
		private Flux<MapRecord<String, String, String>> rest() {
			return RedisMcpEventStore.this.commands
				.bound(RedisMcpEventStore.this.redis.<String, String>opsForStream()
					.read(StreamOffset.create(this.key, ReadOffset.from(this.lastRecordId))))
				.doOnNext(this::seen);
		}

		private void seen(MapRecord<String, String, String> record) {
			this.lastRecordId = record.getId().getValue();
			this.idleSince = System.nanoTime();
			Map<String, String> fields = record.getValue();
			if (fields.containsKey(REQUEST_ID)) {
				this.requestId = fields.get(REQUEST_ID);
			}
			if (fields.containsKey(END)) {
				this.finished = true;
			}
			else {
				this.lastSequence = Long.parseLong(fields.get(SEQUENCE));
			}
		}

		void delivered(Event event) {
			if (event.message() instanceof JsonRpcResponse) {
				this.finished = true;
			}
		}

		/**
		 * The error that ends a request's stream whose writer is gone before it answered;
		 * nothing for other streams.
		 */
		Flux<Event> interruption() {
			String id = this.requestId;
			if (!this.writerGone || this.finished || id == null) {
				return Flux.empty();
			}
			JsonNode requestId = RedisMcpEventStore.this.codec.getJsonMapper().readTree(id);
			JsonRpcResponse error = JsonRpcResponse.failure(requestId, JsonRpcError.of(JsonRpcErrorCodes.INTERNAL_ERROR,
					"Request interrupted: the server instance serving it stopped"));
			return Flux.just(new Event(this.streamId + "-" + (this.lastSequence + 1), error));
		}

	}

	private final class Stream implements EventStream {

		private final String id;

		private final String sessionId;

		private final String key;

		private final AtomicLong sequence = new AtomicLong();

		private final Sinks.Many<Event> sink = Sinks.many().replay().limit(RedisMcpEventStore.this.maxEventsPerStream);

		private final @Nullable String requestId;

		private volatile boolean completed;

		Stream(String id, String sessionId, @Nullable String requestId) {
			this.id = id;
			this.sessionId = sessionId;
			this.key = key(sessionId, id);
			this.requestId = requestId;
		}

		@Override
		public synchronized void emit(JsonRpcMessage message) {
			long seq = this.sequence.incrementAndGet();
			String json = RedisMcpEventStore.this.codec.encodeToString(message);
			List<String> entry = new ArrayList<>(List.of(SEQUENCE, Long.toString(seq), MESSAGE, json));
			if (this.requestId != null) {
				entry.add(REQUEST_ID);
				entry.add(this.requestId);
			}
			append(this.key, entry);
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
