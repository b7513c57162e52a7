package dev.mcpspring.autoconfigure.redis;

import java.time.Clock;

import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.autoconfigure.McpServerProperties;
import dev.mcpspring.autoconfigure.McpSessionProperties;
import dev.mcpspring.autoconfigure.McpTransportProperties;
import dev.mcpspring.autoconfigure.McpWebFluxAutoConfiguration;
import dev.mcpspring.autoconfigure.McpWebMvcAutoConfiguration;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.redis.RedisMcpEventStore;
import dev.mcpspring.redis.RedisMcpSessionBroker;
import dev.mcpspring.redis.RedisMcpSessionRepository;
import dev.mcpspring.redis.RedisTaskStore;
import dev.mcpspring.server.session.McpSessionBroker;
import dev.mcpspring.server.session.McpSessionRepository;
import dev.mcpspring.server.task.TaskStore;
import dev.mcpspring.transport.support.McpEventStore;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for keeping sessions, stream events,
 * cross-instance messages and tasks in Redis, when {@code mcp.server.session.store} is
 * {@code redis}. Uses Boot's {@link ReactiveRedisConnectionFactory}, configured with
 * {@code spring.data.redis.*}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(
		before = { McpServerAutoConfiguration.class, McpWebFluxAutoConfiguration.class,
				McpWebMvcAutoConfiguration.class },
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration")
@ConditionalOnClass({ ReactiveRedisConnectionFactory.class, JsonMapper.class })
@ConditionalOnBean(ReactiveRedisConnectionFactory.class)
@ConditionalOnBooleanProperty(name = "mcp.server.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "mcp.server.session.store", havingValue = "redis")
@EnableConfigurationProperties(McpServerProperties.class)
public final class McpRedisAutoConfiguration {

	/**
	 * Name of the template the Redis store runs its commands with.
	 */
	static final String TEMPLATE_BEAN_NAME = "mcpRedisTemplate";

	@Bean(TEMPLATE_BEAN_NAME)
	@ConditionalOnMissingBean(name = TEMPLATE_BEAN_NAME)
	ReactiveStringRedisTemplate mcpRedisTemplate(ReactiveRedisConnectionFactory connectionFactory) {
		return new ReactiveStringRedisTemplate(connectionFactory);
	}

	@Bean
	@ConditionalOnMissingBean
	McpSessionRepository mcpSessionRepository(@Qualifier(TEMPLATE_BEAN_NAME) ReactiveStringRedisTemplate template,
			JsonRpcCodec codec, McpServerProperties properties) {
		McpSessionProperties session = properties.getSession();
		return new RedisMcpSessionRepository(template, codec.getJsonMapper(), session.getRedis().getKeyPrefix(),
				session.getMaxSessions(), session.getIdleTimeout(), session.getRedis().getTimeout(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	McpEventStore mcpEventStore(@Qualifier(TEMPLATE_BEAN_NAME) ReactiveStringRedisTemplate template, JsonRpcCodec codec,
			McpSessionBroker broker, McpServerProperties properties) {
		McpTransportProperties.StreamableHttp streamableHttp = properties.getTransport().getStreamableHttp();
		McpSessionProperties.Redis redis = properties.getSession().getRedis();
		return new RedisMcpEventStore(template, codec, redis.getKeyPrefix(), streamableHttp.getReplayEvents(),
				streamableHttp.getReplayRetention(), redis.getResumeIdleTimeout(), redis.getTimeout(), broker,
				redis.getWriterCheckInterval());
	}

	@Bean
	@ConditionalOnMissingBean
	TaskStore mcpTaskStore(@Qualifier(TEMPLATE_BEAN_NAME) ReactiveStringRedisTemplate template, JsonRpcCodec codec,
			McpServerProperties properties) {
		McpSessionProperties.Redis redis = properties.getSession().getRedis();
		return new RedisTaskStore(template, codec.getJsonMapper(), redis.getKeyPrefix(),
				McpServerAutoConfiguration.MAX_TASKS, redis.getTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	McpSessionBroker mcpSessionBroker(@Qualifier(TEMPLATE_BEAN_NAME) ReactiveStringRedisTemplate template,
			McpServerProperties properties) {
		McpSessionProperties.Redis redis = properties.getSession().getRedis();
		return new RedisMcpSessionBroker(template, redis.getKeyPrefix(), redis.getTimeout());
	}

}
