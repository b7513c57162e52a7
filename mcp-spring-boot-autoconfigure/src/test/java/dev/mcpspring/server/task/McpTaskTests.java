package dev.mcpspring.server.task;

import java.time.Duration;
import java.time.Instant;

import dev.mcpspring.jsonrpc.JsonRpcRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpTask}.
 *
 * @author MCP Spring Boot team
 */
class McpTaskTests {

	private static final Instant NOW = Instant.parse("2026-07-28T12:00:00Z");

	@Test
	void terminalStatusIsKept() {
		McpTask cancelled = task().cancel(NOW);
		assertThat(cancelled.getStatus()).isEqualTo(McpTask.Status.CANCELLED);
		assertThat(cancelled.complete(JsonNodeFactory.instance.objectNode(), NOW)).isSameAs(cancelled);
		assertThat(cancelled.fail(JsonNodeFactory.instance.objectNode(), NOW)).isSameAs(cancelled);
	}

	@Test
	void partialAnswersKeepTheTaskWaitingForTheOpenKeys() {
		ObjectNode requests = JsonNodeFactory.instance.objectNode();
		requests.putObject("a");
		requests.putObject("b");
		McpTask waiting = task().inputRequired(requests, NOW);
		McpTask partly = waiting.answer(JsonNodeFactory.instance.objectNode().put("a", 1).put("zzz", 2), NOW);
		assertThat(partly.getStatus()).isEqualTo(McpTask.Status.INPUT_REQUIRED);
		assertThat(partly.toJson(true).path("inputRequests").propertyNames()).containsExactly("b");
		assertThat(waiting.toJson(true).path("inputRequests").propertyNames()).containsExactly("a", "b");
		McpTask answered = partly.answer(JsonNodeFactory.instance.objectNode().put("b", 3), NOW);
		assertThat(answered.getStatus()).isEqualTo(McpTask.Status.WORKING);
		assertThat(answered.responses().propertyNames()).containsExactlyInAnyOrder("a", "b");
		assertThat(answered.answer(JsonNodeFactory.instance.objectNode().put("c", 1), NOW)).isSameAs(answered);
	}

	@Test
	void storageKeepsEverythingTheWireAndARunNeed() {
		ObjectNode result = JsonNodeFactory.instance.objectNode();
		result.putArray("content").addObject().put("type", "text").put("text", "done");
		McpTask completed = task().complete(result, NOW.plusMillis(1500));
		McpTask read = McpTask.fromStorage(completed.toStorage());
		assertThat(read.toJson(true)).isEqualTo(completed.toJson(true));
		assertThat(read.getOwner()).isEqualTo("alice");
		assertThat(read.getExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
		assertThat(read.request()).isEqualTo(completed.request());
		assertThat(read.protocolVersion()).isEqualTo("2026-07-28");
		assertThat(read.responses()).isEqualTo(completed.responses());
	}

	private static McpTask task() {
		ObjectNode params = JsonNodeFactory.instance.objectNode().put("name", "echo");
		JsonRpcRequest message = new JsonRpcRequest(JsonNodeFactory.instance.stringNode("r-1"), "tools/call", params);
		return McpTask.create("t1", "alice", NOW, Duration.ofMinutes(1), Duration.ofMillis(500), message, "2026-07-28",
				JsonNodeFactory.instance.objectNode().put("a", "A"));
	}

}
