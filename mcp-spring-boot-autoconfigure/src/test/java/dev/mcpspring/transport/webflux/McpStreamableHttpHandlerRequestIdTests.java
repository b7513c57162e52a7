package dev.mcpspring.transport.webflux;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.mcpspring.annotation.McpTool;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.contextRunner;
import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.expectError;
import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.initialize;
import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.post;
import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the request ids of a session in {@link McpStreamableHttpHandler}: an id may
 * not be used twice while its request is in flight.
 *
 * @author MCP Spring Boot team
 */
class McpStreamableHttpHandlerRequestIdTests {

	private static final String HOLD = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"hold\"}}";

	private static final String HOLD_RESPONSE = "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":"
			+ "{\"content\":[{\"type\":\"text\",\"text\":\"released\"}]}}";

	private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}";

	@Test // gh-20
	void sameIdWhileInFlightIsInvalidRequest() {
		HoldTools tools = new HoldTools();
		run(contextRunner().withBean(HoldTools.class, () -> tools), (client) -> {
			String sessionId = initialize(client);
			CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> call(client, sessionId, HOLD));
			assertThat(tools.awaitStarted()).isTrue();
			expectError(post(client, sessionId).bodyValue(PING).exchange(), HttpStatus.BAD_REQUEST,
					"{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32600,\"message\":\"Request id already in use\"}}");
			tools.release.tryEmitEmpty();
			assertThat(first.join()).isEqualTo(HOLD_RESPONSE);
			assertThat(call(client, sessionId, PING)).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}");
		});
	}

	@Test // gh-20
	void sameIdInAnotherSessionIsServed() {
		HoldTools tools = new HoldTools();
		run(contextRunner().withBean(HoldTools.class, () -> tools), (client) -> {
			String sessionId = initialize(client);
			CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> call(client, sessionId, HOLD));
			assertThat(tools.awaitStarted()).isTrue();
			assertThat(call(client, initialize(client), PING))
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}");
			tools.release.tryEmitEmpty();
			assertThat(first.join()).isEqualTo(HOLD_RESPONSE);
		});
	}

	private static String call(WebTestClient client, String sessionId, String body) {
		return post(client, sessionId).bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	static class HoldTools {

		final CountDownLatch started = new CountDownLatch(1);

		final Sinks.Empty<Void> release = Sinks.empty();

		@McpTool
		Mono<String> hold() {
			this.started.countDown();
			return this.release.asMono().timeout(Duration.ofSeconds(10)).thenReturn("released");
		}

		boolean awaitStarted() {
			try {
				return this.started.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

	}

}
