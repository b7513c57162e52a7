package dev.mcpspring.autoconfigure.redis;

import java.time.Clock;
import java.time.Duration;

import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.redis.RedisMcpEventStore;
import dev.mcpspring.redis.RedisMcpSessionBroker;
import dev.mcpspring.redis.RedisMcpSessionRepository;
import dev.mcpspring.redis.RedisTaskStore;
import dev.mcpspring.server.session.InMemoryMcpSessionRepository;
import dev.mcpspring.server.session.McpSessionBroker;
import dev.mcpspring.server.session.McpSessionRepository;
import dev.mcpspring.server.task.TaskStore;
import dev.mcpspring.transport.support.McpEventStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpRedisAutoConfiguration}. No command reaches Redis here: the
 * connection is made lazily.
 *
 * @author MCP Spring Boot team
 */
class McpRedisAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, DataRedisAutoConfiguration.class,
				DataRedisReactiveAutoConfiguration.class, McpRedisAutoConfiguration.class,
				McpServerAutoConfiguration.class))
		.withPropertyValues("spring.data.redis.port=1");

	@Test
	void sessionsStayInMemoryByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(McpRedisAutoConfiguration.class);
			assertThat(context).hasSingleBean(InMemoryMcpSessionRepository.class);
		});
	}

	@Test
	void redisStoreKeepsSessionsAndMessagesInRedis() {
		this.contextRunner.withPropertyValues("mcp.server.session.store=redis").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBean(McpSessionRepository.class).isInstanceOf(RedisMcpSessionRepository.class);
			assertThat(context).getBean(McpSessionBroker.class).isInstanceOf(RedisMcpSessionBroker.class);
			assertThat(context).getBean(McpEventStore.class).isInstanceOf(RedisMcpEventStore.class);
			assertThat(context).getBean(TaskStore.class).isInstanceOf(RedisTaskStore.class);
		});
	}

	@Test
	void userBeansWin() {
		this.contextRunner.withPropertyValues("mcp.server.session.store=redis")
			.withBean(McpSessionRepository.class,
					() -> new InMemoryMcpSessionRepository(1, Duration.ofMinutes(1), Clock.systemUTC()))
			.withBean(McpSessionBroker.class, McpSessionBroker::local)
			.run((context) -> {
				assertThat(context).getBean(McpSessionRepository.class)
					.isInstanceOf(InMemoryMcpSessionRepository.class);
				assertThat(context).getBean(McpSessionBroker.class).isNotInstanceOf(RedisMcpSessionBroker.class);
			});
	}

	@Test
	void backsOffWithoutSpringDataRedis() {
		this.contextRunner.withPropertyValues("mcp.server.session.store=redis")
			.withClassLoader(new FilteredClassLoader(ReactiveRedisConnectionFactory.class))
			.run((context) -> assertThat(context).doesNotHaveBean(McpRedisAutoConfiguration.class));
	}

	@Test
	void backsOffWhenMcpIsDisabled() {
		this.contextRunner.withPropertyValues("mcp.server.session.store=redis", "mcp.server.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(McpRedisAutoConfiguration.class));
	}

}
