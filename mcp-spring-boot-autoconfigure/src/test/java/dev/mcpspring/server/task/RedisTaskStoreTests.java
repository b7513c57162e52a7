package dev.mcpspring.server.task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.server.McpException;
import dev.mcpspring.redis.RedisTaskStore;
import dev.mcpspring.redis.RedisTemplates;
import dev.mcpspring.test.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RedisTaskStore} against a real Redis, with two stores standing for two
 * instances.
 *
 * @author MCP Spring Boot team
 */
class RedisTaskStoreTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private static final JsonMapper jsonMapper = JsonMapper.builder().build();

	private LettuceConnectionFactory factoryA;

	private LettuceConnectionFactory factoryB;

	private RedisTaskStore storeA;

	private RedisTaskStore storeB;

	@BeforeEach
	void connect() {
		redis.start();
		this.factoryA = RedisTemplates.connectionFactory(redis);
		this.factoryB = RedisTemplates.connectionFactory(redis);
		String prefix = "mcp:" + System.nanoTime() + ":";
		this.storeA = new RedisTaskStore(RedisTemplates.template(this.factoryA), jsonMapper, prefix, 3,
				Duration.ofSeconds(2));
		this.storeB = new RedisTaskStore(RedisTemplates.template(this.factoryB), jsonMapper, prefix, 3,
				Duration.ofSeconds(2));
	}

	@AfterEach
	void disconnect() {
		this.factoryA.destroy();
		this.factoryB.destroy();
	}

	@Test
	void taskSavedOnOneInstanceIsFoundOnAnotherByItsOwnerOnly() {
		McpTask task = task("t1", "alice", Duration.ofMinutes(1));
		this.storeA.save(task).block();
		McpTask found = this.storeB.find("t1", "alice").block();
		assertThat(found.toJson(true)).isEqualTo(task.toJson(true));
		assertThat(this.storeB.find("t1", "bob").block()).isNull();
		assertThat(this.storeB.find("unknown", "alice").block()).isNull();
	}

	@Test
	void taskExpiresWithItsTimeToLive() {
		this.storeA.save(task("t1", "", Duration.ofMillis(300))).block();
		assertThat(this.storeB.find("t1", "").block()).isNotNull();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.storeB.find("t1", "").block() == null);
		assertThat(this.storeB.update("t1", (current) -> current).block()).isNull();
	}

	@Test
	void limitIsSharedByInstancesAndFreedByExpiry() {
		this.storeA.save(task("t1", "", Duration.ofMillis(300))).block();
		this.storeA.save(task("t2", "", Duration.ofMinutes(1))).block();
		this.storeB.save(task("t3", "", Duration.ofMinutes(1))).block();
		assertThatExceptionOfType(McpException.class)
			.isThrownBy(() -> this.storeB.save(task("t4", "", Duration.ofMinutes(1))).block());
		await().atMost(Duration.ofSeconds(5))
			.ignoreExceptions()
			.until(() -> this.storeB.save(task("t4", "", Duration.ofMinutes(1))).thenReturn(true).block());
	}

	@Test
	void concurrentChangesFromBothInstancesAreAllKept() {
		ObjectNode requests = JsonNodeFactory.instance.objectNode();
		List<String> keys = IntStream.range(0, 20).mapToObj((i) -> "k" + i).toList();
		keys.forEach(requests::putObject);
		Instant now = Instant.now();
		this.storeA.save(task("t1", "", Duration.ofMinutes(1)).inputRequired(requests, now)).block();
		Flux.fromIterable(keys)
			.parallel(8)
			.runOn(Schedulers.parallel())
			.flatMap((key) -> ((key.hashCode() % 2 == 0) ? this.storeA : this.storeB).update("t1",
					(current) -> current.answer(JsonNodeFactory.instance.objectNode().put(key, key), now)))
			.sequential()
			.blockLast(Duration.ofSeconds(20));
		McpTask answered = this.storeB.find("t1", "").block();
		assertThat(answered.getStatus()).isEqualTo(McpTask.Status.WORKING);
	}

	private static McpTask task(String id, String owner, Duration ttl) {
		JsonRpcRequest message = new JsonRpcRequest(JsonNodeFactory.instance.numberNode(1), "tools/call",
				JsonNodeFactory.instance.objectNode().put("name", "echo"));
		return McpTask.create(id, owner, Instant.now(), ttl, Duration.ofMillis(500), message, "2026-07-28",
				JsonNodeFactory.instance.objectNode());
	}

}
