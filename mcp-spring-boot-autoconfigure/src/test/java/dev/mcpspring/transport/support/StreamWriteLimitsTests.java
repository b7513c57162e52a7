package dev.mcpspring.transport.support;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StreamWriteLimits}.
 */
class StreamWriteLimitsTests {

	@Test
	void streamWithinTheLimitsIsUntouched() {
		StreamWriteLimits limits = new StreamWriteLimits(10, Duration.ofSeconds(5));
		StepVerifier.create(limits.apply(Flux.range(0, 100)))
			.expectNextCount(100)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(limits.getClosedStreams()).isZero();
	}

	@Test
	void streamOverItsPendingEventsEndsWithoutWaitingForTheReader() {
		StreamWriteLimits limits = new StreamWriteLimits(10, Duration.ofMinutes(1));
		StepVerifier.create(limits.apply(Flux.range(0, 100)), 0)
			.expectSubscription()
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(limits.getClosedStreams()).isOne();
	}

	@Test
	void streamWhoseReaderStopsEndsAfterTheWriteTimeout() {
		StreamWriteLimits limits = new StreamWriteLimits(1000, Duration.ofMillis(200));
		Sinks.Many<Integer> events = Sinks.many().unicast().onBackpressureBuffer();
		StepVerifier.create(limits.apply(events.asFlux()), 1).then(() -> {
			events.tryEmitNext(1);
			events.tryEmitNext(2);
		}).expectNext(1).expectComplete().verify(Duration.ofSeconds(5));
		assertThat(limits.getClosedStreams()).isOne();
	}

	@Test
	void idleStreamIsNotTimedOut() {
		StreamWriteLimits limits = new StreamWriteLimits(1000, Duration.ofMillis(100));
		Sinks.Many<Integer> events = Sinks.many().unicast().onBackpressureBuffer();
		StepVerifier.create(limits.apply(events.asFlux()), 1)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(500))
			.then(() -> events.tryEmitNext(1))
			.expectNext(1)
			.then(events::tryEmitComplete)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(limits.getClosedStreams()).isZero();
	}

}
