package dev.mcpspring.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link EmitRetry}.
 *
 * @author MCP Spring Boot team
 */
class EmitRetryTests {

	@Test
	void emissionRacingWithAnotherIsRetriedUntilItGoesThrough() throws Exception {
		Race race = new Race();
		race.start(true);
		race.sink.emitNext("second", EmitRetry.handler());
		race.finish();
		assertThat(race.received).containsExactly("first", "second");
	}

	@Test
	void handlerMadeBeforeTheLimitDoesNotRetry() throws Exception {
		Sinks.EmitFailureHandler kept = EmitRetry.handler();
		Thread.sleep(150); // past the retry limit, as for a handler kept in a constant
		Race race = new Race();
		race.start(false);
		assertThatExceptionOfType(Sinks.EmissionException.class).isThrownBy(() -> race.sink.emitNext("second", kept));
		race.finish();
		assertThat(race.received).containsExactly("first");
	}

	/**
	 * A sink whose subscriber holds the first element for a while, on another thread, so
	 * that an emission made meanwhile races with it.
	 */
	private static final class Race {

		final Sinks.Many<String> sink = Sinks.many().unicast().onBackpressureBuffer();

		final List<String> received = new CopyOnWriteArrayList<>();

		private final CountDownLatch holding = new CountDownLatch(1);

		private final CountDownLatch release = new CountDownLatch(1);

		private final Thread first = new Thread(() -> this.sink.emitNext("first", EmitRetry.handler()));

		Race() {
			this.sink.asFlux().subscribe((value) -> {
				this.received.add(value);
				if (value.equals("first")) {
					this.holding.countDown();
					await(this.release);
				}
			});
		}

		/**
		 * Emit the first element and wait until the subscriber holds it.
		 * @param releaseSoon whether to let it go after 20 ms, while another emission
		 * retries, rather than at {@link #finish()}
		 */
		void start(boolean releaseSoon) throws InterruptedException {
			this.first.start();
			assertThat(this.holding.await(5, TimeUnit.SECONDS)).isTrue();
			if (releaseSoon) {
				new Thread(() -> {
					sleep();
					this.release.countDown();
				}).start();
			}
		}

		void finish() throws InterruptedException {
			this.release.countDown();
			this.first.join(5000);
		}

		private static void sleep() {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private static void await(CountDownLatch latch) {
			try {
				latch.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
