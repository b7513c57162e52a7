package dev.mcpspring.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.mcpspring.model.LoggingLevel;
import dev.mcpspring.server.session.McpSession;
import dev.mcpspring.server.session.SessionLimitExceededException;
import dev.mcpspring.server.session.SessionStoreUnavailableException;
import dev.mcpspring.test.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RedisMcpSessionRepository} against a real Redis.
 *
 * @author MCP Spring Boot team
 */
class RedisMcpSessionRepositoryTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static LettuceConnectionFactory connectionFactory;

	private static ReactiveStringRedisTemplate template;

	private final JsonMapper jsonMapper = new JsonMapper();

	@BeforeAll
	static void connect() {
		connectionFactory = RedisTemplates.connectionFactory(redis);
		template = RedisTemplates.template(connectionFactory);
	}

	@AfterAll
	static void disconnect() {
		connectionFactory.destroy();
	}

	private RedisMcpSessionRepository repository(int maxSessions, Duration idleTimeout) {
		String prefix = "test-" + UUID.randomUUID() + ":";
		return new RedisMcpSessionRepository(template, this.jsonMapper, prefix, maxSessions, idleTimeout,
				Duration.ofSeconds(2), Clock.systemUTC());
	}

	private McpSession session(String id) {
		McpSession session = new McpSession(id, "2025-11-25",
				this.jsonMapper.createObjectNode().put("name", "client").put("version", "1"),
				this.jsonMapper.createObjectNode().set("elicitation", this.jsonMapper.createObjectNode()),
				Instant.parse("2026-01-01T00:00:00Z"));
		session.setPrincipalName("alice");
		return session;
	}

	@Test
	void savedSessionIsFoundWithEverythingItCarries() {
		RedisMcpSessionRepository repository = repository(10, Duration.ofMinutes(1));
		repository.save(session("s1")).block(TIMEOUT);
		McpSession found = repository.findById("s1").block(TIMEOUT);
		assertThat(found).isNotNull();
		assertThat(found.getId()).isEqualTo("s1");
		assertThat(found.getProtocolVersion()).isEqualTo("2025-11-25");
		assertThat(found.getClientInfo().get("name").asString()).isEqualTo("client");
		assertThat(found.getClientCapabilities().has("elicitation")).isTrue();
		assertThat(found.getCreatedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(found.getPrincipalName()).isEqualTo("alice");
		assertThat(found.isInitialized()).isFalse();
		assertThat(found.getLoggingLevel()).isEqualTo(LoggingLevel.INFO);
		assertThat(found.takeChanges()).isFalse();
		StepVerifier.create(repository.findById("unknown")).expectComplete().verify(TIMEOUT);
	}

	@Test
	void updateSavesEveryChange() {
		RedisMcpSessionRepository repository = repository(10, Duration.ofMinutes(1));
		repository.save(session("s1")).block(TIMEOUT);
		McpSession session = repository.findById("s1").block(TIMEOUT);
		session.markInitialized();
		session.setLoggingLevel(LoggingLevel.WARNING);
		session.subscribe("file:///a");
		repository.update(session).block(TIMEOUT);
		McpSession found = repository.findById("s1").block(TIMEOUT);
		assertThat(found.isInitialized()).isTrue();
		assertThat(found.getLoggingLevel()).isEqualTo(LoggingLevel.WARNING);
		assertThat(found.getSubscriptions()).containsExactly("file:///a");
	}

	@Test
	void subscribersAreFoundByUriAndForgottenAsSessionsUnsubscribeOrEnd() {
		RedisMcpSessionRepository repository = repository(10, Duration.ofMinutes(1));
		for (String id : new String[] { "s1", "s2", "s3" }) {
			McpSession session = session(id);
			repository.save(session).block(TIMEOUT);
			session.subscribe("file:///a");
			repository.update(session).block(TIMEOUT);
		}
		assertThat(repository.findSubscribers("file:///a").collectList().block(TIMEOUT)).containsExactlyInAnyOrder("s1",
				"s2", "s3");
		McpSession s2 = repository.findById("s2").block(TIMEOUT);
		s2.unsubscribe("file:///a");
		s2.subscribe("file:///b");
		repository.update(s2).block(TIMEOUT);
		assertThat(repository.deleteById("s3").block(TIMEOUT)).isTrue();
		assertThat(repository.deleteById("s3").block(TIMEOUT)).isFalse();
		assertThat(repository.findSubscribers("file:///a").collectList().block(TIMEOUT)).containsExactly("s1");
		assertThat(repository.findSubscribers("file:///b").collectList().block(TIMEOUT)).containsExactly("s2");
		assertThat(repository.findSubscribers("file:///none").collectList().block(TIMEOUT)).isEmpty();
	}

	@Test
	void idleSessionsExpireAndEachUseExtendsTheirLife() throws InterruptedException {
		RedisMcpSessionRepository repository = repository(10, Duration.ofMillis(600));
		McpSession session = session("s1");
		repository.save(session).block(TIMEOUT);
		session.subscribe("file:///a");
		repository.update(session).block(TIMEOUT);
		repository.save(session("s2")).block(TIMEOUT);
		for (int i = 0; i < 4; i++) {
			Thread.sleep(300);
			assertThat(repository.findById("s1").block(TIMEOUT)).as("use %d", i).isNotNull();
		}
		assertThat(repository.findById("s2").block(TIMEOUT)).isNull();
		assertThat(repository.count().block(TIMEOUT)).isEqualTo(1);
		Thread.sleep(900);
		assertThat(repository.findById("s1").block(TIMEOUT)).isNull();
		assertThat(repository.count().block(TIMEOUT)).isZero();
		assertThat(repository.findSubscribers("file:///a").collectList().block(TIMEOUT)).isEmpty();
	}

	@Test
	void sessionCapIsSharedByEveryInstance() {
		String prefix = "test-" + UUID.randomUUID() + ":";
		RedisMcpSessionRepository instanceA = new RedisMcpSessionRepository(template, this.jsonMapper, prefix, 2,
				Duration.ofMinutes(1), Duration.ofSeconds(2), Clock.systemUTC());
		RedisMcpSessionRepository instanceB = new RedisMcpSessionRepository(template, this.jsonMapper, prefix, 2,
				Duration.ofMinutes(1), Duration.ofSeconds(2), Clock.systemUTC());
		instanceA.save(session("s1")).block(TIMEOUT);
		instanceB.save(session("s2")).block(TIMEOUT);
		StepVerifier.create(instanceA.save(session("s3")))
			.expectError(SessionLimitExceededException.class)
			.verify(TIMEOUT);
		assertThat(instanceB.count().block(TIMEOUT)).isEqualTo(2);
		instanceA.deleteById("s1").block(TIMEOUT);
		StepVerifier.create(instanceB.save(session("s3"))).expectNextCount(1).expectComplete().verify(TIMEOUT);
	}

	@Test
	void unreachableRedisFailsFastWithAGenericError() {
		RedisServer down = new RedisServer();
		LettuceConnectionFactory factory = RedisTemplates.connectionFactory(down);
		try {
			RedisMcpSessionRepository repository = new RedisMcpSessionRepository(RedisTemplates.template(factory),
					this.jsonMapper, "mcp:", 10, Duration.ofMinutes(1), Duration.ofMillis(500), Clock.systemUTC());
			StepVerifier.create(repository.findById("s1"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(SessionStoreUnavailableException.class)
					.hasMessage("Session store unavailable"))
				.verify(Duration.ofSeconds(3));
		}
		finally {
			factory.destroy();
		}
	}

}
