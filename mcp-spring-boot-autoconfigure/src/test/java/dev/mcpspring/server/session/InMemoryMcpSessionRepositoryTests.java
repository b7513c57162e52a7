package dev.mcpspring.server.session;

import java.time.Duration;
import java.time.Instant;

import dev.mcpspring.test.MutableClock;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link InMemoryMcpSessionRepository}.
 *
 * @author MCP Spring Boot team
 */
class InMemoryMcpSessionRepositoryTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

	private final MutableClock clock = new MutableClock(Instant.parse("2025-11-25T10:00:00Z"));

	@Test
	void saveThenFind() {
		InMemoryMcpSessionRepository repository = repository(10);
		McpSession session = session("s1");
		StepVerifier.create(repository.save(session)).expectNext(session).expectComplete().verify(TIMEOUT);
		StepVerifier.create(repository.findById("s1")).expectNext(session).expectComplete().verify(TIMEOUT);
		StepVerifier.create(repository.count()).expectNext(1L).expectComplete().verify(TIMEOUT);
	}

	@Test
	void findUnknownIsEmpty() {
		InMemoryMcpSessionRepository repository = repository(10);
		save(repository, session("s1"));
		StepVerifier.create(repository.findById("s2")).expectComplete().verify(TIMEOUT);
	}

	@Test
	void deleteRemovesSession() {
		InMemoryMcpSessionRepository repository = repository(10);
		save(repository, session("s1"));
		save(repository, session("s2"));
		StepVerifier.create(repository.deleteById("s1")).expectNext(true).expectComplete().verify(TIMEOUT);
		StepVerifier.create(repository.findById("s1")).expectComplete().verify(TIMEOUT);
		StepVerifier.create(repository.deleteById("s1")).expectNext(false).expectComplete().verify(TIMEOUT);
		StepVerifier.create(repository.deleteById("never")).expectNext(false).expectComplete().verify(TIMEOUT);
		StepVerifier.create(repository.count()).expectNext(1L).expectComplete().verify(TIMEOUT);
		StepVerifier.create(repository.findById("s2")).expectNextCount(1).expectComplete().verify(TIMEOUT);
	}

	@Test
	void countOfEmptyRepository() {
		StepVerifier.create(repository(3).count()).expectNext(0L).expectComplete().verify(TIMEOUT);
	}

	@Test
	void saveIsLazy() {
		InMemoryMcpSessionRepository repository = repository(10);
		repository.save(session("s1"));
		StepVerifier.create(repository.count()).expectNext(0L).expectComplete().verify(TIMEOUT);
	}

	@Test
	void limitRejectsNewSessions() {
		InMemoryMcpSessionRepository repository = repository(2);
		save(repository, session("s1"));
		save(repository, session("s2"));
		StepVerifier.create(repository.save(session("s3")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(SessionLimitExceededException.class)
				.hasMessage("Session limit of 2 reached"))
			.verify(TIMEOUT);
		StepVerifier.create(repository.count()).expectNext(2L).expectComplete().verify(TIMEOUT);
		StepVerifier.create(repository.findById("s3")).expectComplete().verify(TIMEOUT);
	}

	@Test
	void deletingMakesRoomForNewSession() {
		InMemoryMcpSessionRepository repository = repository(1);
		save(repository, session("s1"));
		StepVerifier.create(repository.deleteById("s1")).expectNext(true).expectComplete().verify(TIMEOUT);
		McpSession second = session("s2");
		StepVerifier.create(repository.save(second)).expectNext(second).expectComplete().verify(TIMEOUT);
	}

	@Test
	void sessionLivesUntilIdleTimeout() {
		InMemoryMcpSessionRepository repository = repository(10);
		McpSession session = session("s1");
		save(repository, session);
		this.clock.advance(IDLE_TIMEOUT);
		StepVerifier.create(repository.findById("s1")).expectNext(session).expectComplete().verify(TIMEOUT);
	}

	@Test
	void sessionExpiresAfterIdleTimeout() {
		InMemoryMcpSessionRepository repository = repository(10);
		save(repository, session("s1"));
		this.clock.advance(IDLE_TIMEOUT.plusMillis(1));
		StepVerifier.create(repository.findById("s1")).expectComplete().verify(TIMEOUT);
		StepVerifier.create(repository.count()).expectNext(0L).expectComplete().verify(TIMEOUT);
		// an expired session stays gone, even if time went backwards
		this.clock.advance(IDLE_TIMEOUT.negated());
		StepVerifier.create(repository.findById("s1")).expectComplete().verify(TIMEOUT);
	}

	@Test
	void findRecordsUseAndPostponesExpiry() {
		InMemoryMcpSessionRepository repository = repository(10);
		McpSession session = session("s1");
		save(repository, session);
		this.clock.advance(Duration.ofMinutes(9));
		StepVerifier.create(repository.findById("s1")).expectNext(session).expectComplete().verify(TIMEOUT);
		assertThat(session.getLastAccessedAt()).isEqualTo(Instant.parse("2025-11-25T10:09:00Z"));
		assertThat(session.getCreatedAt()).isEqualTo(Instant.parse("2025-11-25T10:00:00Z"));
		this.clock.advance(Duration.ofMinutes(9));
		StepVerifier.create(repository.findById("s1")).expectNext(session).expectComplete().verify(TIMEOUT);
		this.clock.advance(IDLE_TIMEOUT.plusSeconds(1));
		StepVerifier.create(repository.findById("s1")).expectComplete().verify(TIMEOUT);
	}

	@Test
	void expiredSessionsAreSweptToMakeRoom() {
		InMemoryMcpSessionRepository repository = repository(1);
		save(repository, session("old"));
		this.clock.advance(IDLE_TIMEOUT.plusSeconds(1));
		McpSession fresh = session("new");
		StepVerifier.create(repository.save(fresh)).expectNext(fresh).expectComplete().verify(TIMEOUT);
		StepVerifier.create(repository.count()).expectNext(1L).expectComplete().verify(TIMEOUT);
		StepVerifier.create(repository.findById("old")).expectComplete().verify(TIMEOUT);
		StepVerifier.create(repository.findById("new")).expectNext(fresh).expectComplete().verify(TIMEOUT);
	}

	@Test
	void fullRepositorySweepsExpiredSessionsEvenRightAfterPeriodicSweep() {
		InMemoryMcpSessionRepository repository = repository(2);
		this.clock.advance(Duration.ofMinutes(6));
		save(repository, session("s1"));
		this.clock.advance(Duration.ofMinutes(6));
		// periodic sweep runs here (12 min), s1 is still alive
		save(repository, session("s2"));
		// s1 expires after 16 min; the next periodic sweep is not due before 17 min
		this.clock.advance(Duration.ofMinutes(4).plusSeconds(1));
		McpSession s3 = session("s3");
		StepVerifier.create(repository.save(s3)).expectNext(s3).expectComplete().verify(TIMEOUT);
		StepVerifier.create(repository.findById("s1")).expectComplete().verify(TIMEOUT);
		StepVerifier.create(repository.findById("s2")).expectNextCount(1).expectComplete().verify(TIMEOUT);
		StepVerifier.create(repository.findById("s3")).expectNext(s3).expectComplete().verify(TIMEOUT);
	}

	@Test
	void liveSessionsAreNotSweptWhenFull() {
		InMemoryMcpSessionRepository repository = repository(1);
		save(repository, session("s1"));
		this.clock.advance(IDLE_TIMEOUT);
		StepVerifier.create(repository.save(session("s2")))
			.expectError(SessionLimitExceededException.class)
			.verify(TIMEOUT);
		StepVerifier.create(repository.findById("s1")).expectNextCount(1).expectComplete().verify(TIMEOUT);
	}

	@Test
	void countExcludesExpiredSessions() {
		InMemoryMcpSessionRepository repository = repository(10);
		save(repository, session("s1"));
		this.clock.advance(IDLE_TIMEOUT.plusSeconds(1));
		StepVerifier.create(repository.count()).expectNext(0L).expectComplete().verify(TIMEOUT);
	}

	@Test
	void constructorChecksArguments() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InMemoryMcpSessionRepository(0, IDLE_TIMEOUT, this.clock))
			.withMessage("maxSessions must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InMemoryMcpSessionRepository(1, Duration.ZERO, this.clock))
			.withMessage("idleTimeout must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InMemoryMcpSessionRepository(1, Duration.ofSeconds(-1), this.clock))
			.withMessage("idleTimeout must be positive");
	}

	private InMemoryMcpSessionRepository repository(int maxSessions) {
		return new InMemoryMcpSessionRepository(maxSessions, IDLE_TIMEOUT, this.clock);
	}

	private McpSession session(String id) {
		return new McpSession(id, "2025-11-25", null, null, this.clock.instant());
	}

	private static void save(InMemoryMcpSessionRepository repository, McpSession session) {
		StepVerifier.create(repository.save(session)).expectNext(session).expectComplete().verify(TIMEOUT);
	}

}
