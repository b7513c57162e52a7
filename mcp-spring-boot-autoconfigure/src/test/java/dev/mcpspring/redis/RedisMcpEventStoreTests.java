package dev.mcpspring.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcNotification;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import dev.mcpspring.server.session.McpSessionBroker;
import dev.mcpspring.transport.support.McpEventStore;
import dev.mcpspring.transport.support.McpEventStore.Event;
import dev.mcpspring.transport.support.McpEventStore.EventStream;
import dev.mcpspring.test.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.IntNode;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RedisMcpEventStore} against a real Redis: two stores play two
 * instances of a server.
 *
 * @author MCP Spring Boot team
 */
class RedisMcpEventStoreTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static LettuceConnectionFactory factoryA;

	private static LettuceConnectionFactory factoryB;

	private final JsonRpcCodec codec = new JsonRpcCodec(new JsonMapper());

	private final String prefix = "test-" + UUID.randomUUID() + ":";

	@BeforeAll
	static void connect() {
		factoryA = RedisTemplates.connectionFactory(redis);
		factoryB = RedisTemplates.connectionFactory(redis);
	}

	@AfterAll
	static void disconnect() {
		factoryA.destroy();
		factoryB.destroy();
	}

	private final List<RedisMcpSessionBroker> brokers = new ArrayList<>();

	@AfterEach
	void stopBrokers() {
		this.brokers.forEach(RedisMcpSessionBroker::destroy);
	}

	private RedisMcpEventStore store(LettuceConnectionFactory factory, Duration idleTimeout) {
		return store(factory, idleTimeout, running(factory));
	}

	private RedisMcpEventStore store(LettuceConnectionFactory factory, Duration idleTimeout, McpSessionBroker broker) {
		return new RedisMcpEventStore(RedisTemplates.template(factory), this.codec, this.prefix, 100,
				Duration.ofMinutes(1), idleTimeout, Duration.ofSeconds(2), broker, Duration.ofMillis(300));
	}

	/**
	 * A broker of a running instance, which listens on its instance topic.
	 */
	private RedisMcpSessionBroker running(LettuceConnectionFactory factory) {
		RedisMcpSessionBroker broker = broker(factory);
		Disposable listening = listen(broker);
		assertThat(listening.isDisposed()).isFalse();
		return broker;
	}

	private RedisMcpSessionBroker broker(LettuceConnectionFactory factory) {
		RedisMcpSessionBroker broker = new RedisMcpSessionBroker(RedisTemplates.template(factory), this.prefix,
				Duration.ofSeconds(2));
		this.brokers.add(broker);
		return broker;
	}

	private static Disposable listen(McpSessionBroker broker) {
		Disposable listening = broker.subscribe(McpSessionBroker.instanceTopic(broker.getInstanceId())).subscribe();
		StepVerifier
			.create(Mono.defer(() -> broker.isInstanceAlive(broker.getInstanceId()))
				.filter(Boolean::booleanValue)
				.repeatWhenEmpty(200, (attempts) -> attempts.delayElements(Duration.ofMillis(50))))
			.expectNext(true)
			.expectComplete()
			.verify(TIMEOUT);
		return listening;
	}

	/**
	 * Resume a stream once its writer's events reached Redis: a writer sends them without
	 * waiting for Redis.
	 */
	private static Mono<Flux<Event>> resumeWritten(McpEventStore store, String sessionId, String lastEventId) {
		return Mono.defer(() -> store.resume(sessionId, lastEventId))
			.repeatWhenEmpty(100, (attempts) -> attempts.delayElements(Duration.ofMillis(20)));
	}

	private static JsonRpcNotification notification(int n) {
		return new JsonRpcNotification("notifications/n" + n, null);
	}

	@Test
	void streamIsResumedOnAnotherInstanceWithLiveEventsUntilItCompletes() {
		RedisMcpEventStore instanceA = store(factoryA, Duration.ofSeconds(5));
		RedisMcpEventStore instanceB = store(factoryB, Duration.ofSeconds(5));
		EventStream stream = instanceA.create("s1");
		stream.emit(notification(1));
		stream.emit(notification(2));
		stream.emit(notification(3));
		String secondId = stream.events().elementAt(1).block(TIMEOUT).id();
		Flux<Event> resumed = resumeWritten(instanceB, "s1", secondId).block(TIMEOUT);
		assertThat(resumed).isNotNull();
		StepVerifier
			.create(resumed.map((event) -> event.id().substring(event.id().lastIndexOf('-') + 1) + " "
					+ ((JsonRpcNotification) event.message()).method()))
			.expectNext("3 notifications/n3")
			.then(() -> stream.emit(notification(4)))
			.expectNext("4 notifications/n4")
			.then(stream::complete)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void completedStreamIsResumedOnAnyInstanceIncludingItsWriter() {
		RedisMcpEventStore instanceA = store(factoryA, Duration.ofSeconds(5));
		RedisMcpEventStore instanceB = store(factoryB, Duration.ofSeconds(5));
		EventStream stream = instanceA.create("s1");
		stream.emit(notification(1));
		stream.emit(notification(2));
		stream.complete();
		String firstId = stream.events().blockFirst(TIMEOUT).id();
		for (McpEventStore store : List.of(instanceA, instanceB)) {
			StepVerifier.create(resumeWritten(store, "s1", firstId).flatMapMany((events) -> events).map(Event::id))
				.expectNext(firstId.substring(0, firstId.lastIndexOf('-')) + "-2")
				.expectComplete()
				.verify(TIMEOUT);
		}
	}

	@Test
	void unknownIdsAndStreamsOfOtherSessionsAreNotFound() {
		RedisMcpEventStore instanceA = store(factoryA, Duration.ofSeconds(5));
		RedisMcpEventStore instanceB = store(factoryB, Duration.ofSeconds(5));
		EventStream stream = instanceA.create("s1");
		stream.emit(notification(1));
		String id = stream.events().blockFirst(TIMEOUT).id();
		assertThat(resumeWritten(instanceB, "s1", id).blockOptional(TIMEOUT)).isPresent();
		for (McpEventStore store : List.of(instanceA, instanceB)) {
			assertThat(store.resume("s2", id).blockOptional(TIMEOUT)).isEmpty();
			assertThat(store.resume("s1", "unknown-1").blockOptional(TIMEOUT)).isEmpty();
			assertThat(store.resume("s1", "no separator").blockOptional(TIMEOUT)).isEmpty();
			assertThat(store.resume("s1", id.substring(0, id.lastIndexOf('-')) + "-x").blockOptional(TIMEOUT))
				.isEmpty();
		}
	}

	@Test
	void streamWhoseWriterRunsButSendsNothingEndsAfterTheIdleTimeout() {
		RedisMcpEventStore instanceA = store(factoryA, Duration.ofSeconds(5));
		RedisMcpEventStore instanceB = store(factoryB, Duration.ofMillis(1500));
		EventStream stream = instanceA.create("s1");
		stream.emit(notification(1));
		stream.emit(notification(2));
		String firstId = stream.events().blockFirst(TIMEOUT).id();
		StepVerifier.create(resumeWritten(instanceB, "s1", firstId).flatMapMany((events) -> events).map(Event::id))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void requestStreamWhoseWriterIsGoneEndsAtOnceWithAnErrorForTheRequest() {
		RedisMcpSessionBroker writer = broker(factoryA);
		Disposable writerRunning = listen(writer);
		RedisMcpEventStore instanceA = store(factoryA, Duration.ofMinutes(5), writer);
		RedisMcpEventStore instanceB = store(factoryB, Duration.ofMinutes(5));
		EventStream stream = instanceA.create("s1", IntNode.valueOf(7));
		stream.emit(notification(1));
		String firstId = stream.events().blockFirst(TIMEOUT).id();
		String streamId = firstId.substring(0, firstId.lastIndexOf('-'));
		StepVerifier.create(resumeWritten(instanceB, "s1", firstId).flatMapMany((events) -> events))
			.then(() -> stream.emit(notification(2)))
			.assertNext((event) -> assertThat(event.id()).isEqualTo(streamId + "-2"))
			.then(() -> {
				stream.emit(notification(3));
				// the writer stops without completing the stream: its instance topic goes
				writerRunning.dispose();
			})
			.assertNext((event) -> assertThat(event.id()).isEqualTo(streamId + "-3"))
			.assertNext((event) -> {
				assertThat(event.id()).isEqualTo(streamId + "-4");
				JsonRpcResponse response = (JsonRpcResponse) event.message();
				assertThat(response.id().asInt()).isEqualTo(7);
				assertThat(response.error().code()).isEqualTo(-32603);
				assertThat(response.error().message())
					.isEqualTo("Request interrupted: the server instance serving it stopped");
			})
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void requestStreamWhoseWriterIsGoneAfterItAnsweredEndsWithoutAnError() {
		RedisMcpSessionBroker writer = broker(factoryA);
		Disposable writerRunning = listen(writer);
		RedisMcpEventStore instanceA = store(factoryA, Duration.ofMinutes(5), writer);
		RedisMcpEventStore instanceB = store(factoryB, Duration.ofMinutes(5));
		EventStream stream = instanceA.create("s1", IntNode.valueOf(8));
		stream.emit(notification(1));
		stream.emit(JsonRpcResponse.success(IntNode.valueOf(8), new JsonMapper().createObjectNode()));
		String firstId = stream.events().blockFirst(TIMEOUT).id();
		writerRunning.dispose();
		StepVerifier.create(resumeWritten(instanceB, "s1", firstId).flatMapMany((events) -> events).map(Event::message))
			.assertNext((message) -> assertThat(((JsonRpcResponse) message).error()).isNull())
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void getStreamWhoseWriterIsGoneEndsAtOnceWithoutAnError() {
		RedisMcpSessionBroker writer = broker(factoryA);
		Disposable writerRunning = listen(writer);
		RedisMcpEventStore instanceA = store(factoryA, Duration.ofMinutes(5), writer);
		RedisMcpEventStore instanceB = store(factoryB, Duration.ofMinutes(5));
		EventStream stream = instanceA.create("s1");
		stream.emit(notification(1));
		stream.emit(notification(2));
		String firstId = stream.events().blockFirst(TIMEOUT).id();
		writerRunning.dispose();
		StepVerifier.create(resumeWritten(instanceB, "s1", firstId).flatMapMany((events) -> events).map(Event::message))
			.assertNext((message) -> assertThat(((JsonRpcNotification) message).method()).isEqualTo("notifications/n2"))
			.expectComplete()
			.verify(TIMEOUT);
	}

}
