package dev.mcpspring.redis;

import java.time.Duration;

import dev.mcpspring.server.session.SessionStoreUnavailableException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * Bounds every Redis command by a timeout and turns any failure into a
 * {@link SessionStoreUnavailableException}, so that a request never waits on a Redis that
 * is down or hanging and clients never see what Redis reported.
 *
 * @author MCP Spring Boot team
 */
final class RedisCommands {

	private final Duration timeout;

	RedisCommands(Duration timeout) {
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "Redis timeout must be positive");
		this.timeout = timeout;
	}

	Duration getTimeout() {
		return this.timeout;
	}

	<T> Mono<T> bound(Mono<T> command) {
		return command.timeout(this.timeout)
			.onErrorMap(RedisCommands::isStoreFailure, SessionStoreUnavailableException::new);
	}

	<T> Flux<T> bound(Flux<T> command) {
		return command.timeout(this.timeout)
			.onErrorMap(RedisCommands::isStoreFailure, SessionStoreUnavailableException::new);
	}

	private static boolean isStoreFailure(Throwable ex) {
		return !(ex instanceof SessionStoreUnavailableException) && !(ex instanceof Error);
	}

}
