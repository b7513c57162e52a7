package dev.mcpspring.server.task;

import java.time.Duration;
import java.time.Instant;

import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.server.McpException;
import dev.mcpspring.test.MutableClock;
import org.junit.jupiter.api.Test;
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
		store.save(task("t1", "alice")).block();
		assertThat(store.find("t1", "alice").block()).isNotNull();
		assertThat(store.find("t1", "bob").block()).isNull();
		assertThat(store.find("t1", "").block()).isNull();
		assertThat(store.find("unknown", "alice").block()).isNull();
	}

	@Test
	void expiresTaskAfterItsTimeToLive() {
		InMemoryTaskStore store = new InMemoryTaskStore(10, this.clock);
		McpTask task = task("t1", "");
		store.save(task).block();
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(store.find("t1", "").block()).isSameAs(task);
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(store.update("t1", (current) -> current.cancel(this.clock.instant())).block()).isNull();
		assertThat(store.find("t1", "").block()).isNull();
		assertThat(store.size()).isZero();
	}

	@Test
	void rejectsTasksBeyondTheLimitUntilOthersExpire() {
		InMemoryTaskStore store = new InMemoryTaskStore(2, this.clock);
		store.save(task("t1", "")).block();
		store.save(task("t2", "")).block();
		assertThatExceptionOfType(McpException.class).isThrownBy(() -> store.save(task("t3", "")).block())
			.satisfies((ex) -> assertThat(ex.getError().code()).isEqualTo(JsonRpcErrorCodes.INTERNAL_ERROR));
		this.clock.advance(Duration.ofMinutes(2));
		store.save(task("t3", "")).block();
		assertThat(store.size()).isEqualTo(1);
		assertThat(store.find("t3", "").block()).isNotNull();
	}

	@Test
	void updateReplacesTheTaskAndIgnoresUnknownOnes() {
		InMemoryTaskStore store = new InMemoryTaskStore(10, this.clock);
		store.save(task("t1", "")).block();
		McpTask cancelled = store.update("t1", (current) -> current.cancel(this.clock.instant())).block();
		assertThat(cancelled.getStatus()).isEqualTo(McpTask.Status.CANCELLED);
		assertThat(store.find("t1", "").block()).isSameAs(cancelled);
		assertThat(store.update("unknown", (current) -> current.cancel(this.clock.instant())).block()).isNull();
	}

	private McpTask task(String id, String owner) {
		JsonRpcRequest message = new JsonRpcRequest(JsonNodeFactory.instance.numberNode(1), "tools/call",
				JsonNodeFactory.instance.objectNode());
		return McpTask.create(id, owner, this.clock.instant(), Duration.ofMinutes(1), Duration.ofMillis(500), message,
				"2026-07-28", JsonNodeFactory.instance.objectNode());
	}

}
