package dev.mcpspring.server;

import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ToolRateLimitInterceptor}, on a clock of its own.
 *
 * @author MCP Spring Boot team
 */
class ToolRateLimitInterceptorTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final AtomicInteger invoked = new AtomicInteger();

	private final McpServerInterceptor.Chain chain = (request) -> {
		this.invoked.incrementAndGet();
		return Mono.just(new McpResponse(JsonRpcResponse.success(request.message().id(), Map.of()), null));
	};

	@Test
	void refusesCallsOverTheLimitWithoutInvokingTheTool() {
		ToolRateLimitInterceptor interceptor = interceptor(
				new ToolRateLimitInterceptor.Limit(2, Duration.ofSeconds(10), false));
		call(interceptor, "search", null);
		call(interceptor, "search", null);
		assertThatExceptionOfType(RateLimitExceededException.class).isThrownBy(() -> call(interceptor, "search", null))
			.satisfies((ex) -> assertThat(ex.getRetryAfterSeconds()).isEqualTo(5));
		assertThat(this.invoked).hasValue(2);
	}

	@Test
	void refillsOverThePeriod() {
		ToolRateLimitInterceptor interceptor = interceptor(
				new ToolRateLimitInterceptor.Limit(2, Duration.ofSeconds(10), false));
		call(interceptor, "search", null);
		call(interceptor, "search", null);
		this.now.addAndGet(Duration.ofSeconds(5).toNanos());
		call(interceptor, "search", null);
		assertThatExceptionOfType(RateLimitExceededException.class).isThrownBy(() -> call(interceptor, "search", null));
		assertThat(this.invoked).hasValue(3);
	}

	@Test
	void leavesOtherToolsAndMethodsAlone() {
		ToolRateLimitInterceptor interceptor = interceptor(
				new ToolRateLimitInterceptor.Limit(1, Duration.ofHours(1), false));
		call(interceptor, "search", null);
		call(interceptor, "other", null);
		call(interceptor, "other", null);
		interceptor.intercept(request("tools/list", null, null), this.chain).block();
		interceptor.intercept(request("tools/list", null, null), this.chain).block();
		assertThat(this.invoked).hasValue(5);
	}

	@Test
	void givesEachPrincipalABucketWhenAsked() {
		ToolRateLimitInterceptor interceptor = interceptor(
				new ToolRateLimitInterceptor.Limit(1, Duration.ofHours(1), true));
		call(interceptor, "search", () -> "alice");
		call(interceptor, "search", () -> "bob");
		assertThatExceptionOfType(RateLimitExceededException.class)
			.isThrownBy(() -> call(interceptor, "search", () -> "alice"));
		assertThat(this.invoked).hasValue(2);
	}

	@Test
	void keepsTheNumberOfBucketsBounded() {
		ToolRateLimitInterceptor interceptor = new ToolRateLimitInterceptor(
				Map.of("search", new ToolRateLimitInterceptor.Limit(1, Duration.ofSeconds(1), true)), this.now::get, 2);
		call(interceptor, "search", () -> "alice");
		call(interceptor, "search", () -> "bob");
		this.now.addAndGet(Duration.ofSeconds(2).toNanos());
		call(interceptor, "search", () -> "carol");
		assertThat(interceptor.getBucketCount()).isEqualTo(1);
	}

	private ToolRateLimitInterceptor interceptor(ToolRateLimitInterceptor.Limit limit) {
		return new ToolRateLimitInterceptor(Map.of("search", limit), this.now::get, 100);
	}

	private void call(ToolRateLimitInterceptor interceptor, String tool, Principal principal) {
		interceptor.intercept(request("tools/call", tool, principal), this.chain).block(Duration.ofSeconds(5));
	}

	private static McpRequest request(String method, String tool, Principal principal) {
		ObjectNode params = JsonNodeFactory.instance.objectNode();
		if (tool != null) {
			params.put("name", tool);
		}
		return new McpRequest(new JsonRpcRequest(IntNode.valueOf(1), method, params), null, "2025-11-25",
				McpClientChannel.discard(), principal);
	}

}
