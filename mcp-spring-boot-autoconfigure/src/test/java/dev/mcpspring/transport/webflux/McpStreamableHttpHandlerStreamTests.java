package dev.mcpspring.transport.webflux;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.ECHO;
import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.ECHO_RESPONSE;
import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.INITIALIZE;
import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.INITIALIZED;
import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.PROTOCOL_VERSION;
import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.SESSION_ID;
import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.initialize;
import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the SSE side of {@link McpStreamableHttpHandler}: responses as event streams,
 * the standalone {@code GET} stream and its keep-alive comments.
 *
 * @author MCP Spring Boot team
 */
class McpStreamableHttpHandlerStreamTests {

	private final ReactiveWebApplicationContextRunner contextRunner = McpStreamableHttpHandlerTests.contextRunner();

	private static void run(ReactiveWebApplicationContextRunner runner, Consumer<WebTestClient> test) {
		McpStreamableHttpHandlerTests.run(runner, test);
	}

	@Test
	void sseResponseMode() {
		run(this.contextRunner.withPropertyValues("mcp.server.transport.streamable-http.response-mode=sse"),
				(client) -> {
					String sessionId = initialize(client);
					assertThat(sessionId).matches("[\\x21-\\x7E]{22,}");
					String body = post(client, sessionId).bodyValue(ECHO)
						.exchange()
						.expectStatus()
						.isOk()
						.expectHeader()
						.contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
						.expectBody(String.class)
						.returnResult()
						.getResponseBody();
					assertThat(body).matches(Pattern
						.compile("id:[\\x21-\\x7E]+\nevent:message\ndata:" + Pattern.quote(ECHO_RESPONSE) + "\n\n"));
				});
	}

	@Test
	void sseResponseOfAFinishedRequestIsOneBodyWithALength() {
		run(this.contextRunner.withPropertyValues("mcp.server.transport.streamable-http.response-mode=sse"),
				(client) -> {
					String sessionId = initialize(client);
					EntityExchangeResult<String> result = post(client, sessionId)
						.bodyValue(ECHO.replace("\"echo\"", "\"echoInPlace\""))
						.exchange()
						.expectStatus()
						.isOk()
						.expectHeader()
						.contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
						.expectBody(String.class)
						.returnResult();
					String body = result.getResponseBody();
					assertThat(body).matches(Pattern
						.compile("id:[\\x21-\\x7E]+\nevent:message\ndata:" + Pattern.quote(ECHO_RESPONSE) + "\n\n"));
					assertThat(result.getResponseHeaders().getContentLength())
						.isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
				});
	}

	@Test
	void sseResponseModeStillAnswersNotificationsWithAccepted() {
		run(this.contextRunner.withPropertyValues("mcp.server.transport.streamable-http.response-mode=sse"),
				(client) -> {
					String sessionId = post(client).bodyValue(INITIALIZE)
						.exchange()
						.expectStatus()
						.isOk()
						.returnResult(String.class)
						.getResponseHeaders()
						.getFirst(SESSION_ID);
					post(client, sessionId).bodyValue(INITIALIZED)
						.exchange()
						.expectStatus()
						.isAccepted()
						.expectBody()
						.isEmpty();
				});
	}

	@Test
	void getOpensEventStreamWithKeepAlive() {
		withSession("200ms", (client, sessionId) -> {
			FluxExchangeResult<DataBuffer> result = openStream(client, sessionId);
			StepVerifier.create(events(result))
				.expectNext(":keep-alive\n\n")
				.thenCancel()
				.verify(Duration.ofSeconds(5));
		});
	}

	@Test
	void keepAliveSurvivesSlowReader() {
		withSession("20ms", (client, sessionId) -> {
			FluxExchangeResult<DataBuffer> result = openStream(client, sessionId);
			StepVerifier.create(events(result), 1)
				.expectNext(":keep-alive\n\n")
				.thenAwait(Duration.ofSeconds(3))
				.thenRequest(1)
				.expectNext(":keep-alive\n\n")
				.thenCancel()
				.verify(Duration.ofSeconds(5));
		});
	}

	@Test
	void getStreamAnswersBeforeFirstKeepAlive() {
		withSession("1m", (client, sessionId) -> {
			FluxExchangeResult<DataBuffer> result = openStream(
					client.mutate().responseTimeout(Duration.ofSeconds(3)).build(), sessionId);
			result.getResponseBody().subscribe().dispose();
		});
	}

	@Test
	void deleteCompletesOpenEventStream() {
		withSession("1s", (client, sessionId) -> {
			FluxExchangeResult<DataBuffer> result = openStream(client, sessionId);
			StepVerifier.create(events(result))
				.expectNext(":keep-alive\n\n")
				.then(() -> client.delete()
					.uri("/mcp")
					.header(SESSION_ID, sessionId)
					.exchange()
					.expectStatus()
					.isNoContent())
				.thenConsumeWhile(":keep-alive\n\n"::equals)
				.expectComplete()
				.verify(Duration.ofSeconds(5));
		});
	}

	/**
	 * Run a test with an initialized session, keep-alive comments at the given interval.
	 */
	private void withSession(String keepAliveInterval, BiConsumer<WebTestClient, String> test) {
		run(this.contextRunner
			.withPropertyValues("mcp.server.transport.streamable-http.keep-alive-interval=" + keepAliveInterval),
				(client) -> test.accept(client, initialize(client)));
	}

	/**
	 * Open the GET stream of a session, checking that it is answered as an event stream.
	 */
	private static FluxExchangeResult<DataBuffer> openStream(WebTestClient client, String sessionId) {
		return client.get()
			.uri("/mcp")
			.header(SESSION_ID, sessionId)
			.header(PROTOCOL_VERSION, "2025-11-25")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
			.returnResult(DataBuffer.class);
	}

	/**
	 * Split the raw stream into SSE events, whatever the chunks written.
	 */
	private static Flux<String> events(FluxExchangeResult<DataBuffer> result) {
		return result.getResponseBody()
			.map((buffer) -> buffer.toString(StandardCharsets.UTF_8))
			.bufferUntil((chunk) -> chunk.equals("\n") || chunk.endsWith("\n\n"))
			.map((chunks) -> String.join("", chunks));
	}

}
