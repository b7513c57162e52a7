package dev.mcpspring.server.task;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.server.McpException;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.test.MutableClock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link InMemoryTaskStore}.
 *
 * @author MCP Spring Boot team
 */
class InMemoryTaskStoreTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-07-28T12:00:00Z"));

	@Test
	void findsTaskOfItsOwnerOnly() {
		InMemoryTaskStore store = new InMemoryTaskStore(10, this.clock);
		store.save(task("t1", "alice"));
		assertThat(store.find("t1", "alice")).isNotNull();
		assertThat(store.find("t1", "bob")).isNull();
		assertThat(store.find("t1", "")).isNull();
		assertThat(store.find("unknown", "alice")).isNull();
	}

	@Test
	void expiresTaskAfterItsTimeToLiveAndCancelsIt() {
		InMemoryTaskStore store = new InMemoryTaskStore(10, this.clock);
		McpTask task = task("t1", "");
		store.save(task);
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(store.find("t1", "")).isSameAs(task);
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(store.find("t1", "")).isNull();
		assertThat(task.getStatus()).isEqualTo(McpTask.Status.CANCELLED);
		assertThat(store.size()).isZero();
	}

	@Test
	void rejectsTasksBeyondTheLimitUntilOthersExpire() {
		InMemoryTaskStore store = new InMemoryTaskStore(2, this.clock);
		store.save(task("t1", ""));
		store.save(task("t2", ""));
		assertThatExceptionOfType(McpException.class).isThrownBy(() -> store.save(task("t3", "")))
			.satisfies((ex) -> assertThat(ex.getError().code()).isEqualTo(JsonRpcErrorCodes.INTERNAL_ERROR));
		this.clock.advance(Duration.ofMinutes(2));
		store.save(task("t3", ""));
		assertThat(store.size()).isEqualTo(1);
		assertThat(store.find("t3", "")).isNotNull();
	}

	@Test
	void cancelDisposesTheRunAndKeepsTerminalStatus() {
		McpTask task = task("t1", "");
		AtomicReference<Boolean> disposed = new AtomicReference<>(false);
		task.started(Mono.never().doOnCancel(() -> disposed.set(true)).subscribe());
		task.cancel(this.clock.instant());
		assertThat(disposed.get()).isTrue();
		assertThat(task.getStatus()).isEqualTo(McpTask.Status.CANCELLED);
		task.complete(JsonNodeFactory.instance.objectNode(), this.clock.instant());
		assertThat(task.getStatus()).isEqualTo(McpTask.Status.CANCELLED);
	}

	@Test
	void partialAnswersKeepTheTaskWaitingForTheOpenKeys() {
		McpTask task = task("t1", "");
		task.inputRequired(JsonNodeFactory.instance.objectNode().<tools.jackson.databind.node.ObjectNode>set("a",
				JsonNodeFactory.instance.objectNode()).set("b", JsonNodeFactory.instance.objectNode()),
				this.clock.instant());
		assertThat(task.answer(JsonNodeFactory.instance.objectNode().put("a", 1).put("zzz", 2), this.clock.instant()))
			.isFalse();
		assertThat(task.toJson(true).path("inputRequests").propertyNames()).containsExactly("b");
		assertThat(task.answer(JsonNodeFactory.instance.objectNode().put("b", 3), this.clock.instant())).isTrue();
		assertThat(task.getStatus()).isEqualTo(McpTask.Status.WORKING);
		assertThat(task.responses().propertyNames()).containsExactlyInAnyOrder("a", "b");
	}

	private McpTask task(String id, String owner) {
		JsonRpcRequest message = new JsonRpcRequest(JsonNodeFactory.instance.numberNode(1), "tools/call",
				JsonNodeFactory.instance.objectNode());
		return new McpTask(id, owner, this.clock.instant(), Duration.ofMinutes(1), Duration.ofMillis(500),
				new McpRequest(message, null, "2026-07-28"), JsonNodeFactory.instance.objectNode(),
				(request) -> Mono.empty());
	}

}
