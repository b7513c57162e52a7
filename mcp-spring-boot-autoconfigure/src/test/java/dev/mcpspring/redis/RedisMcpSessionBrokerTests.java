package dev.mcpspring.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.mcpspring.test.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RedisMcpSessionBroker} against a real Redis.
 *
 * @author MCP Spring Boot team
 */
class RedisMcpSessionBrokerTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private LettuceConnectionFactory factoryA;

	private LettuceConnectionFactory factoryB;

	private RedisMcpSessionBroker brokerA;

	private RedisMcpSessionBroker brokerB;

	@BeforeEach
	void connect() {
		redis.start();
		this.factoryA = RedisTemplates.connectionFactory(redis);
		this.factoryB = RedisTemplates.connectionFactory(redis);
		this.brokerA = new RedisMcpSessionBroker(RedisTemplates.template(this.factoryA), "mcp:", Duration.ofSeconds(1));
		this.brokerB = new RedisMcpSessionBroker(RedisTemplates.template(this.factoryB), "mcp:", Duration.ofSeconds(1));
	}

	@AfterEach
	void disconnect() {
		this.brokerA.destroy();
		this.brokerB.destroy();
		this.factoryA.destroy();
		this.factoryB.destroy();
	}

	@Test
	void instancesHaveTheirOwnIds() {
		assertThat(this.brokerA.getInstanceId()).matches("[0-9a-f]{12}").isNotEqualTo(this.brokerB.getInstanceId());
	}

	@Test
	void payloadPublishedByOneInstanceReachesTheSubscribersOfAnother() {
		List<String> received = new CopyOnWriteArrayList<>();
		List<String> other = new CopyOnWriteArrayList<>();
		Disposable subscription = this.brokerB.subscribe("mcp.session.s1").subscribe(received::add);
		Disposable otherSubscription = this.brokerB.subscribe("mcp.session.s2").subscribe(other::add);
		try {
			awaitDelivery("mcp.session.s1", received);
			this.brokerA.publish("mcp.session.s1", "{\"n\":2}");
			await().atMost(Duration.ofSeconds(5)).until(() -> received.contains("{\"n\":2}"));
			assertThat(other).isEmpty();
		}
		finally {
			subscription.dispose();
			otherSubscription.dispose();
		}
	}

	@Test
	void subscriptionsSurviveARedisRestart() {
		List<String> received = new CopyOnWriteArrayList<>();
		Disposable subscription = this.brokerB.subscribe("mcp.all").subscribe(received::add);
		try {
			awaitDelivery("mcp.all", received);
			redis.stop();
			this.brokerA.publish("mcp.all", "lost");
			redis.start();
			received.clear();
			awaitDelivery("mcp.all", received);
		}
		finally {
			subscription.dispose();
		}
	}

	@Test
	void publishingWhileRedisIsDownDoesNotBlock() {
		redis.stop();
		long start = System.nanoTime();
		for (int i = 0; i < 100; i++) {
			this.brokerA.publish("mcp.all", "dropped");
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
	}

	/**
	 * Publish until the subscriber hears it: a subscription is in place some time after
	 * it is requested.
	 */
	private void awaitDelivery(String topic, List<String> received) {
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
			this.brokerA.publish(topic, "probe");
			return received.contains("probe");
		});
	}

}
