package dev.mcpspring.server.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * {@link McpSessionRepository} in a local map, capped in size, with idle expiry.
 * <p>
 * Expired sessions are dropped when looked up and swept when new sessions are saved, so
 * no background thread is needed.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class InMemoryMcpSessionRepository implements McpSessionRepository {

	private final Map<String, McpSession> sessions = new ConcurrentHashMap<>();

	private final int maxSessions;

	private final Duration idleTimeout;

	private final Clock clock;

	private final AtomicReference<Instant> lastSweep;

	/**
	 * Create a repository.
	 * @param maxSessions the maximum number of live sessions
	 * @param idleTimeout how long an unused session lives
	 * @param clock the clock to read time from
	 */
	public InMemoryMcpSessionRepository(int maxSessions, Duration idleTimeout, Clock clock) {
		Assert.isTrue(maxSessions > 0, "maxSessions must be positive");
		Assert.isTrue(!idleTimeout.isNegative() && !idleTimeout.isZero(), "idleTimeout must be positive");
		Assert.notNull(clock, "Clock is required");
		this.maxSessions = maxSessions;
		this.idleTimeout = idleTimeout;
		this.clock = clock;
		this.lastSweep = new AtomicReference<>(clock.instant());
	}

	@Override
	public Mono<McpSession> save(McpSession session) {
		return Mono.fromSupplier(() -> {
			Instant now = this.clock.instant();
			sweepIfDue(now);
			if (this.sessions.size() >= this.maxSessions) {
				sweep(now);
				if (this.sessions.size() >= this.maxSessions) {
					throw new SessionLimitExceededException(this.maxSessions);
				}
			}
			this.sessions.put(session.getId(), session);
			return session;
		});
	}

	@Override
	public Mono<McpSession> findById(String id) {
		return Mono.fromSupplier(() -> {
			McpSession session = this.sessions.get(id);
			if (session == null) {
				return null;
			}
			Instant now = this.clock.instant();
			if (isExpired(session, now)) {
				this.sessions.remove(id, session);
				return null;
			}
			session.touch(now);
			return session;
		});
	}

	@Override
	public Mono<Void> update(McpSession session) {
		return Mono.empty();
	}

	@Override
	public Flux<String> findSubscribers(String uri) {
		return Flux.defer(() -> Flux.fromStream(this.sessions.values()
			.stream()
			.filter((session) -> session.getSubscriptions().contains(uri))
			.map(McpSession::getId)));
	}

	@Override
	public Mono<Boolean> deleteById(String id) {
		return Mono.fromSupplier(() -> this.sessions.remove(id) != null);
	}

	@Override
	public Mono<Long> count() {
		return Mono.fromSupplier(() -> {
			Instant now = this.clock.instant();
			return this.sessions.values().stream().filter((session) -> !isExpired(session, now)).count();
		});
	}

	private void sweepIfDue(Instant now) {
		Instant last = this.lastSweep.get();
		if (now.isAfter(last.plus(this.idleTimeout.dividedBy(2))) && this.lastSweep.compareAndSet(last, now)) {
			sweep(now);
		}
	}

	private void sweep(Instant now) {
		this.sessions.values().removeIf((session) -> isExpired(session, now));
	}

	private boolean isExpired(McpSession session, Instant now) {
		return session.getLastAccessedAt().plus(this.idleTimeout).isBefore(now);
	}

}
