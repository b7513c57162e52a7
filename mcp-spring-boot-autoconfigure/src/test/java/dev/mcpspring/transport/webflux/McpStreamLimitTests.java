package dev.mcpspring.transport.webflux;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import dev.mcpspring.jsonrpc.JsonRpcNotification;
import dev.mcpspring.server.McpSessionService;
import dev.mcpspring.server.session.McpSession;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.PROTOCOL_VERSION;
import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.SESSION_ID;
import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.client;
import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.initialize;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the limit of open long-lived streams ({@code mcp.server.limits.max-streams})
 * on the Streamable HTTP and legacy SSE transports.
 *
 * @author MCP Spring Boot team
 */
class McpStreamLimitTests {

	static final String LISTEN = "{\"jsonrpc\":\"2.0\",\"id\":\"listen-1\",\"method\":\"subscriptions/listen\","
			+ "\"params\":{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
			+ "\"io.modelcontextprotocol/clientCapabilities\":{}},\"notifications\":{\"toolsListChanged\":true}}}";

	private static final String TOO_MANY_STREAMS = "{\"jsonrpc\":\"2.0\",\"error\":"
			+ "{\"code\":-32603,\"message\":\"Too many open streams, try again later\"}}";

	private final ReactiveWebApplicationContextRunner contextRunner = McpStreamableHttpHandlerTests.contextRunner()
		.withPropertyValues("mcp.server.limits.max-streams=1", "mcp.server.transport.sse.enabled=true");

	@Test // gh-20
	void getStreamBeyondTheLimitIsServiceUnavailableUntilAStreamCloses() {
		run((client, handler) -> {
			String first = initialize(client);
			String second = initialize(client);
			FluxExchangeResult<DataBuffer> stream = openStream(client, first).expectStatus()
				.isOk()
				.returnResult(DataBuffer.class);
			assertThat(handler.getOpenStreams().getOpenCount()).isEqualTo(1);
			expectTooManyStreams(openStream(client, second), TOO_MANY_STREAMS);
			stream.getResponseBody().subscribe().dispose();
			awaitTrue(() -> handler.getOpenStreams().getOpenCount() == 0);
			openStream(client, second).expectStatus().isOk().returnResult(DataBuffer.class);
		});
	}

	@Test // gh-20
	void refusedGetLeavesTheOpenStreamOfItsSession() {
		run((client, service) -> {
			String sessionId = initialize(client);
			FluxExchangeResult<String> open = openStream(client, sessionId).expectStatus()
				.isOk()
				.returnResult(String.class);
			expectTooManyStreams(openStream(client, sessionId), TOO_MANY_STREAMS);
			McpSession session = service.find(sessionId, null).block(Duration.ofSeconds(5));
			service.channelOf(session).send(new JsonRpcNotification("notifications/test", null));
			StepVerifier.create(open.getResponseBody())
				.expectNextMatches((data) -> data.contains("notifications/test"))
				.thenCancel()
				.verify(Duration.ofSeconds(5));
		});
	}

	@Test // gh-20
	void listenBeyondTheLimitIsServiceUnavailableWithTheRequestId() {
		run((client, handler) -> {
			openStream(client, initialize(client)).expectStatus().isOk().returnResult(DataBuffer.class);
			expectTooManyStreams(listen(client),
					TOO_MANY_STREAMS.replace("{\"jsonrpc\":\"2.0\",", "{\"jsonrpc\":\"2.0\",\"id\":\"listen-1\","));
		});
	}

	@Test // gh-20
	void listenStreamCountsTowardsTheLimit() {
		run((client, handler) -> {
			listen(client).expectStatus().isOk().returnResult(DataBuffer.class);
			assertThat(handler.getOpenStreams().getOpenCount()).isEqualTo(1);
			expectTooManyStreams(openStream(client, initialize(client)), TOO_MANY_STREAMS);
		});
	}

	@Test // gh-20
	void legacySseConnectionsCountTowardsTheLimit() {
		run((client, handler) -> {
			connectSse(client).expectStatus().isOk().returnResult(DataBuffer.class);
			assertThat(handler.getOpenStreams().getOpenCount()).isEqualTo(1);
			expectTooManyStreams(connectSse(client), TOO_MANY_STREAMS);
		});
	}

	private void run(BiConsumer<WebTestClient, McpSessionService> test) {
		this.contextRunner.run((context) -> test.accept(client(context), context.getBean(McpSessionService.class)));
	}

	private static WebTestClient.ResponseSpec openStream(WebTestClient client, String sessionId) {
		return client.get()
			.uri("/mcp")
			.header(SESSION_ID, sessionId)
			.header(PROTOCOL_VERSION, "2025-11-25")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange();
	}

	static WebTestClient.ResponseSpec listen(WebTestClient client) {
		return client.post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM)
			.header(PROTOCOL_VERSION, "2026-07-28")
			.header("Mcp-Method", "subscriptions/listen")
			.bodyValue(LISTEN)
			.exchange();
	}

	static WebTestClient.ResponseSpec connectSse(WebTestClient client) {
		return client.get().uri("/sse").accept(MediaType.TEXT_EVENT_STREAM).exchange();
	}

	private static void expectTooManyStreams(WebTestClient.ResponseSpec response, String body) {
		response.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "30")
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody(String.class)
			.isEqualTo(body);
	}

	static void awaitTrue(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition met within 5 seconds").isLessThan(deadline);
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
