package dev.mcpspring.server;

import java.time.Duration;

import dev.mcpspring.jsonrpc.JsonRpcException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.StringNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InFlightRequests}.
 */
class InFlightRequestsTests {

	private final InFlightRequests inFlight = new InFlightRequests();

	@Test
	void idInUseWithinSessionIsRefused() {
		Mono<String> first = this.inFlight.track("s1", IntNode.valueOf(1), Mono.never());
		first.subscribe();
		StepVerifier.create(this.inFlight.track("s1", IntNode.valueOf(1), Mono.just("second")))
			.expectError(JsonRpcException.class)
			.verify(Duration.ofSeconds(5));
		StepVerifier.create(this.inFlight.track("s1", StringNode.valueOf("1"), Mono.just("string id")))
			.expectNext("string id")
			.verifyComplete();
		StepVerifier.create(this.inFlight.track("s2", IntNode.valueOf(1), Mono.just("other session")))
			.expectNext("other session")
			.verifyComplete();
	}

	@Test
	void idIsFreeBeforeTheAnswerLeaves() {
		// a client may send its next request with the same id as soon as it reads the
		// answer
		Mono<String> reuse = this.inFlight.track("s1", IntNode.valueOf(1), Mono.just("first"))
			.flatMap((answer) -> this.inFlight.track("s1", IntNode.valueOf(1), Mono.just(answer + ", second")));
		StepVerifier.create(reuse).expectNext("first, second").verifyComplete();
	}

	@Test
	void cancelledRequestEmitsNothingAndFreesItsId() {
		StepVerifier.create(this.inFlight.track("s1", IntNode.valueOf(7), Mono.never()))
			.then(() -> assertThat(this.inFlight.cancel("s1", IntNode.valueOf(7))).isTrue())
			.verifyComplete();
		assertThat(this.inFlight.cancel("s1", IntNode.valueOf(7))).isFalse();
	}

}
