package dev.mcpspring.server;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.util.Assert;

/**
 * The long-lived streams held open for clients, counted against a limit: the {@code GET}
 * streams of sessions, {@code subscriptions/listen} streams and legacy HTTP+SSE
 * connections. Each idle stream costs memory and a connection, so without a limit a
 * client could open them until the server runs out.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class OpenStreams {

	private final int maxStreams;

	private final AtomicInteger openCount = new AtomicInteger();

	/**
	 * Create a limit.
	 * @param maxStreams the most streams open at once
	 */
	public OpenStreams(int maxStreams) {
		Assert.isTrue(maxStreams > 0, "maxStreams must be positive");
		this.maxStreams = maxStreams;
	}

	/**
	 * Take a place for a new stream, if the limit allows.
	 * @return the place, to be bound to the stream, or {@code null} when the limit is
	 * reached
	 */
	public @Nullable Place tryOpen() {
		int open;
		do {
			open = this.openCount.get();
			if (open >= this.maxStreams) {
				return null;
			}
		}
		while (!this.openCount.compareAndSet(open, open + 1));
		return new Place();
	}

	/**
	 * Return the number of open streams.
	 * @return the count
	 */
	public int getOpenCount() {
		return this.openCount.get();
	}

	/**
	 * Return the most streams open at once.
	 * @return the limit
	 */
	public int getMaxStreams() {
		return this.maxStreams;
	}

	/**
	 * The place of one stream; freed once.
	 */
	public final class Place {

		private final AtomicBoolean freed = new AtomicBoolean();

		private Place() {
		}

		/**
		 * Hold this place for as long as a stream runs.
		 * @param stream the stream
		 * @param <T> the element type
		 * @return the stream, freeing the place when it completes, fails or is cancelled
		 */
		public <T> Flux<T> heldBy(Flux<T> stream) {
			return stream.doFinally((signal) -> free());
		}

		/**
		 * Free the place, for a stream that will not run.
		 */
		public void free() {
			if (this.freed.compareAndSet(false, true)) {
				OpenStreams.this.openCount.decrementAndGet();
			}
		}

	}

}
