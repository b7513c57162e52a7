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
	void bodyTimeoutBecomesTheRequestTimeout() {
		HttpServer server = new RequestReadTimeouts(Duration.ZERO, Duration.ofSeconds(30)).apply(HttpServer.create());
		assertThat(server.configuration().requestTimeout()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void readTimeoutOfTheServerIsKeptAlone() {
		HttpServer server = new RequestReadTimeouts(Duration.ZERO, Duration.ofSeconds(30))
			.apply(HttpServer.create().readTimeout(Duration.ofSeconds(5)));
		assertThat(server.configuration().requestTimeout()).isNull();
		assertThat(server.configuration().readTimeout()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void zeroTurnsBothDeadlinesOff() {
		HttpServer server = HttpServer.create();
		assertThat(new RequestReadTimeouts(Duration.ZERO, Duration.ZERO).apply(server)).isSameAs(server);
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
