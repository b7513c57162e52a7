package dev.mcpspring.server.task;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.mcpspring.redis.RedisMcpSessionBroker;
import dev.mcpspring.redis.RedisTaskStore;
import dev.mcpspring.redis.RedisTemplates;
import dev.mcpspring.server.ToolRegistry;
import dev.mcpspring.test.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.awaitility.Awaitility.await;

/**
 * The tests of {@link McpTasksTests} on two instances that share a {@link RedisTaskStore}
 * and a {@link RedisMcpSessionBroker} on a real Redis: requests go to each instance in
 * turn, so a task created on one is polled, answered and cancelled on the other.
 *
 * @author MCP Spring Boot team
 */
class RedisMcpTasksTests extends McpTasksTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private static final JsonMapper jsonMapper = JsonMapper.builder().build();

	private static final List<LettuceConnectionFactory> factories = new CopyOnWriteArrayList<>();

	private static final List<McpTasks> instances = new CopyOnWriteArrayList<>();

	RedisMcpTasksTests() {
		awaitCancellationsHeard();
	}

	@Override
	List<McpTasks> createInstances(ToolRegistry tools) {
		return List.of(instance(tools), instance(tools));
	}

	private static McpTasks instance(ToolRegistry tools) {
		LettuceConnectionFactory factory = RedisTemplates.connectionFactory(redis);
		factories.add(factory);
		RedisTaskStore store = new RedisTaskStore(RedisTemplates.template(factory), jsonMapper, "mcp:", 100,
				Duration.ofSeconds(2));
		RedisMcpSessionBroker broker = new RedisMcpSessionBroker(RedisTemplates.template(factory), "mcp:",
				Duration.ofSeconds(2));
		McpTasks tasks = new McpTasks(tools, store, broker, jsonMapper, Duration.ofHours(1), Duration.ofMillis(500),
				Clock.systemUTC());
		instances.add(tasks);
		return tasks;
	}

	/**
	 * Wait until a cancellation published on one instance is heard on another, so that no
	 * test cancels before the instances listen.
	 */
	private static void awaitCancellationsHeard() {
		LettuceConnectionFactory factory = RedisTemplates.connectionFactory(redis);
		factories.add(factory);
		RedisMcpSessionBroker probe = new RedisMcpSessionBroker(RedisTemplates.template(factory), "mcp:",
				Duration.ofSeconds(2));
		AtomicBoolean heard = new AtomicBoolean();
		Disposable subscription = probe.subscribe(McpTasks.CANCEL_TOPIC).subscribe((id) -> heard.set(true));
		try {
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
				probe.publish(McpTasks.CANCEL_TOPIC, "probe");
				return heard.get();
			});
		}
		finally {
			subscription.dispose();
			probe.destroy();
		}
	}

	@AfterEach
	void closeInstances() {
		instances.forEach(McpTasks::close);
		instances.clear();
		factories.forEach(LettuceConnectionFactory::destroy);
		factories.clear();
	}

}
