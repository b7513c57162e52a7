package dev.mcpspring.transport.webflux;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RequestReadTimeouts}; the deadlines at work on a real server are
 * tested with the auto-configuration.
 *
 * @author MCP Spring Boot team
 */
class RequestReadTimeoutsTests {

	@Test
	void deadlinesAreAddedToTheServer() {
		HttpServer server = HttpServer.create();
		assertThat(new RequestReadTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)).apply(server))
			.isNotSameAs(server);
	}

	@Test
	void zeroTurnsBothDeadlinesOff() {
		HttpServer server = HttpServer.create();
		assertThat(new RequestReadTimeouts(Duration.ZERO, Duration.ZERO).apply(server)).isSameAs(server);
	}

	@Test
	void requestOrReadTimeoutOfTheServerReplacesTheBodyDeadline() {
		HttpServer withRequestTimeout = HttpServer.create().requestTimeout(Duration.ofSeconds(5));
		HttpServer withReadTimeout = HttpServer.create().readTimeout(Duration.ofSeconds(5));
		RequestReadTimeouts bodyOnly = new RequestReadTimeouts(Duration.ZERO, Duration.ofSeconds(30));
		assertThat(bodyOnly.apply(withRequestTimeout)).isSameAs(withRequestTimeout);
		assertThat(bodyOnly.apply(withReadTimeout)).isSameAs(withReadTimeout);
	}

	@Test
	void negativeTimeoutsAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RequestReadTimeouts(Duration.ofSeconds(-1), Duration.ZERO))
			.withMessage("headerTimeout must not be negative");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RequestReadTimeouts(Duration.ZERO, Duration.ofSeconds(-1)))
			.withMessage("bodyTimeout must not be negative");
	}

}
