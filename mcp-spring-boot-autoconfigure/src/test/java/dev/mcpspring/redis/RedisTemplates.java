package dev.mcpspring.redis;

import java.time.Duration;

import dev.mcpspring.test.RedisServer;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Connects the store tests to a {@link RedisServer}.
 *
 * @author MCP Spring Boot team
 */
public final class RedisTemplates {

	private RedisTemplates() {
	}

	public static LettuceConnectionFactory connectionFactory(RedisServer server) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", server.getPort()),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(5)).build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	public static ReactiveStringRedisTemplate template(LettuceConnectionFactory factory) {
		return new ReactiveStringRedisTemplate(factory);
	}

}
