package dev.mcpspring.transport.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.mcpspring.jsonrpc.JsonRpcNotification;
import dev.mcpspring.test.MutableClock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InMemoryMcpEventStore}.
 *
 * @author MCP Spring Boot team
 */
class InMemoryMcpEventStoreTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-07-28T12:00:00Z"));

	private final InMemoryMcpEventStore store = new InMemoryMcpEventStore(3, Duration.ofMinutes(5), 2, this.clock);

	@Test
	void completedStreamReplaysItsEventsWithIds() {
		McpEventStore.EventStream stream = this.store.create("s1");
		stream.emit(message("one"));
		stream.emit(message("two"));
		stream.complete();
		List<McpEventStore.Event> events = stream.events().collectList().block(TIMEOUT);
		assertThat(events).extracting((event) -> ((JsonRpcNotification) event.message()).method())
			.containsExactly("notifications/one", "notifications/two");
		assertThat(events.get(0).id()).endsWith("-1");
		assertThat(events.get(1).id()).endsWith("-2");
	}

	@Test
	void resumeReturnsTheEventsAfterTheLastOneSeen() {
		McpEventStore.EventStream stream = this.store.create("s1");
		stream.emit(message("one"));
		stream.emit(message("two"));
		stream.emit(message("three"));
		stream.complete();
		String firstId = stream.events().blockFirst(TIMEOUT).id();
		assertThat(methods(this.store.resume("s1", firstId).block())).containsExactly("notifications/two",
				"notifications/three");
	}

	@Test
	void resumeByAnotherSessionOrWithAnUnknownIdFindsNothing() {
		McpEventStore.EventStream stream = this.store.create("s1");
		stream.emit(message("one"));
		String id = stream.events().blockFirst(TIMEOUT).id();
		assertThat(this.store.resume("s2", id).blockOptional()).isEmpty();
		assertThat(this.store.resume("s1", "unknown-1").blockOptional()).isEmpty();
		assertThat(this.store.resume("s1", "no-separator").blockOptional()).isEmpty();
		assertThat(this.store.resume("s1", id.substring(0, id.lastIndexOf('-')) + "-x").blockOptional()).isEmpty();
	}

	@Test
	void completedStreamIsForgottenAfterTheRetention() {
		String id = completedStreamEventId("s1");
		this.clock.advance(Duration.ofMinutes(4));
		this.store.create("s1");
		assertThat(this.store.resume("s1", id).blockOptional()).isPresent();
		this.clock.advance(Duration.ofMinutes(2));
		this.store.create("s1");
		assertThat(this.store.resume("s1", id).blockOptional()).isEmpty();
	}

	@Test
	void beyondTheCapTheOldestCompletedStreamsAreForgottenFirst() {
		String first = completedStreamEventId("s1");
		String second = completedStreamEventId("s1");
		String third = completedStreamEventId("s1");
		this.store.create("s1");
		assertThat(this.store.resume("s1", first).blockOptional()).isEmpty();
		assertThat(this.store.resume("s1", second).blockOptional()).isPresent();
		assertThat(this.store.resume("s1", third).blockOptional()).isPresent();
	}

	@Test
	void liveStreamsAreNeverForgotten() {
		McpEventStore.EventStream live = this.store.create("s1");
		live.emit(message("live"));
		String liveId = live.events().blockFirst(TIMEOUT).id();
		this.clock.advance(Duration.ofHours(1));
		for (int i = 0; i < 5; i++) {
			completedStreamEventId("s1");
		}
		assertThat(this.store.resume("s1", liveId).blockOptional()).isPresent();
	}

	private String completedStreamEventId(String sessionId) {
		McpEventStore.EventStream stream = this.store.create(sessionId);
		stream.emit(message("event"));
		stream.complete();
		stream.complete();
		return stream.events().blockFirst(TIMEOUT).id();
	}

	private static List<String> methods(Flux<McpEventStore.Event> events) {
		return events.map((event) -> ((JsonRpcNotification) event.message()).method()).collectList().block(TIMEOUT);
	}

	private static JsonRpcNotification message(String name) {
		return new JsonRpcNotification("notifications/" + name, null);
	}

}
