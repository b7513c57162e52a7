package dev.mcpspring.transport.webflux;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.annotation.NonBlocking;
import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.autoconfigure.McpWebFluxAutoConfiguration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpStreamableHttpHandler}.
 *
 * @author MCP Spring Boot team
 */
class McpStreamableHttpHandlerTests {

	static final String SESSION_ID = "Mcp-Session-Id";

	static final String PROTOCOL_VERSION = "MCP-Protocol-Version";

	static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
			+ "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1.0\"}}}";

	static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

	static final String ECHO = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
			+ "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}";

	static final String ECHO_RESPONSE = "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":"
			+ "{\"content\":[{\"type\":\"text\",\"text\":\"echo hi\"}]}}";

	private final ReactiveWebApplicationContextRunner contextRunner = contextRunner();

	/**
	 * The web auto-configurations, the MCP ones and {@link EchoTools}.
	 */
	static ReactiveWebApplicationContextRunner contextRunner() {
		return new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
					HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class,
					McpServerAutoConfiguration.class, McpWebFluxAutoConfiguration.class))
			.withBean(EchoTools.class);
	}

	private void run(Consumer<WebTestClient> test) {
		run(this.contextRunner, test);
	}

	static void run(ReactiveWebApplicationContextRunner runner, Consumer<WebTestClient> test) {
		runner.run((context) -> test.accept(client(context)));
	}

	static WebTestClient client(AssertableReactiveWebApplicationContext context) {
		assertThat(context).hasNotFailed();
		return WebTestClient.bindToApplicationContext(context)
			.configureClient()
			.baseUrl("http://localhost:8080")
			.defaultHeader(HttpHeaders.HOST, "localhost:8080")
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	static WebTestClient.RequestBodySpec post(WebTestClient client) {
		return client.post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM);
	}

	static WebTestClient.RequestBodySpec post(WebTestClient client, String sessionId) {
		return post(client).header(SESSION_ID, sessionId).header(PROTOCOL_VERSION, "2025-11-25");
	}

	static String initialize(WebTestClient client) {
		EntityExchangeResult<byte[]> result = post(client).bodyValue(INITIALIZE)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		String sessionId = result.getResponseHeaders().getFirst(SESSION_ID);
		assertThat(sessionId).isNotNull();
		return sessionId;
	}

	static void expectError(WebTestClient.ResponseSpec response, HttpStatus status, String body) {
		response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectHeader()
			.contentLength(body.getBytes(StandardCharsets.UTF_8).length)
			.expectBody(String.class)
			.isEqualTo(body);
	}

	static String rpcError(int code, String message) {
		return "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}}";
	}

	@Test
	void initializeCreatesSession() {
		run((client) -> {
			EntityExchangeResult<String> result = post(client).bodyValue(INITIALIZE)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentType(MediaType.APPLICATION_JSON)
				.expectBody(String.class)
				.returnResult();
			String sessionId = result.getResponseHeaders().getFirst(SESSION_ID);
			assertThat(sessionId).matches("[\\x21-\\x7E]+");
			// at least 128 bits of entropy in URL-safe Base64
			assertThat(sessionId).hasSizeGreaterThanOrEqualTo(22);
			assertThat(result.getResponseBody()).startsWith("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{")
				.contains("\"protocolVersion\":\"2025-11-25\"")
				.contains("\"serverInfo\":{\"name\":\"mcp-server\",\"version\":\"1.0.0\"}")
				.contains("\"capabilities\":{")
				.contains("\"tools\":{")
				.doesNotContain("\"error\"")
				.doesNotContain("null");
		});
	}

	@Test
	void initializeTwiceGivesDistinctSessions() {
		run((client) -> assertThat(initialize(client)).isNotEqualTo(initialize(client)));
	}

	@Test
	void initializeWithUnsupportedVersionNegotiatesLatest() {
		run((client) -> post(client).bodyValue(
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2024-10-07\"}}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result.protocolVersion")
			.isEqualTo("2025-11-25"));
	}

	@Test
	void notificationIsAccepted() {
		run((client) -> {
			String sessionId = initialize(client);
			post(client, sessionId).bodyValue(INITIALIZED)
				.exchange()
				.expectStatus()
				.isAccepted()
				.expectBody()
				.isEmpty();
		});
	}

	@Test
	void clientResponseIsAccepted() {
		run((client) -> {
			String sessionId = initialize(client);
			post(client, sessionId).bodyValue("{\"jsonrpc\":\"2.0\",\"id\":\"s-1\",\"result\":{}}")
				.exchange()
				.expectStatus()
				.isAccepted()
				.expectBody()
				.isEmpty();
		});
	}

	@Test
	void withoutSessionsNoClientCanCancelAnotherClientsRequest() {
		SlowTools tools = new SlowTools();
		run(this.contextRunner.withPropertyValues("mcp.server.session.enabled=false")
			.withBean(SlowTools.class, () -> tools), (client) -> {
				String call = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}";
				CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> post(client).bodyValue(call)
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody(String.class)
					.returnResult()
					.getResponseBody());
				assertThat(awaitQuietly(tools.started)).isTrue();
				post(client)
					.bodyValue("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
							+ "\"params\":{\"requestId\":7}}")
					.exchange()
					.expectStatus()
					.isAccepted();
				assertThat(first.join()).contains("\"id\":7", "\"text\":\"done\"");
			});
	}

	private static boolean awaitQuietly(CountDownLatch latch) {
		try {
			return latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Test
	void requestIsAnsweredWithJson() {
		run((client) -> {
			String sessionId = initialize(client);
			post(client, sessionId).bodyValue(ECHO)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentType(MediaType.APPLICATION_JSON)
				.expectHeader()
				.doesNotExist(SESSION_ID)
				.expectHeader()
				.contentLength(ECHO_RESPONSE.length())
				.expectBody(String.class)
				.isEqualTo(ECHO_RESPONSE);
		});
	}

	@Test
	void requestWithoutProtocolVersionHeaderIsServed() {
		run((client) -> {
			String sessionId = initialize(client);
			post(client).header(SESSION_ID, sessionId)
				.bodyValue(ECHO)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.isEqualTo(ECHO_RESPONSE);
		});
	}

	@Test
	void charsetInContentTypeIsAccepted() {
		run((client) -> {
			String sessionId = initialize(client);
			post(client, sessionId).contentType(MediaType.parseMediaType("application/json;charset=UTF-8"))
				.bodyValue(ECHO)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.isEqualTo(ECHO_RESPONSE);
		});
	}

	@Test
	void jsonRpcErrorIsAnsweredWithStatusOk() {
		run((client) -> {
			String sessionId = initialize(client);
			post(client, sessionId).bodyValue("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"unknown/method\"}")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.isEqualTo(
						"{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}");
		});
	}

	@Test
	void requestWithoutSessionIsBadRequest() {
		run((client) -> expectError(post(client).bodyValue(ECHO).exchange(), HttpStatus.BAD_REQUEST,
				"{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{\"code\":-32600,"
						+ "\"message\":\"Missing session id: send initialize first\"}}"));
	}

	@Test
	void notificationWithoutSessionIsBadRequest() {
		run((client) -> expectError(post(client).bodyValue(INITIALIZED).exchange(), HttpStatus.BAD_REQUEST,
				rpcError(-32600, "Missing session id: send initialize first")));
	}

	@Test
	void requestWithUnknownSessionIsNotFound() {
		run((client) -> expectError(post(client, "unknown-session").bodyValue(ECHO).exchange(), HttpStatus.NOT_FOUND,
				rpcError(-32600, "Session not found")));
	}

	@Test
	void deleteEndsSession() {
		run((client) -> {
			String sessionId = initialize(client);
			client.delete()
				.uri("/mcp")
				.header(SESSION_ID, sessionId)
				.header(PROTOCOL_VERSION, "2025-11-25")
				.exchange()
				.expectStatus()
				.isNoContent()
				.expectBody()
				.isEmpty();
			expectError(post(client, sessionId).bodyValue(ECHO).exchange(), HttpStatus.NOT_FOUND,
					rpcError(-32600, "Session not found"));
			expectError(client.delete().uri("/mcp").header(SESSION_ID, sessionId).exchange(), HttpStatus.NOT_FOUND,
					rpcError(-32600, "Session not found"));
		});
	}

	@Test
	void deleteWithoutSessionIsBadRequest() {
		run((client) -> expectError(client.delete().uri("/mcp").exchange(), HttpStatus.BAD_REQUEST,
				rpcError(-32600, "Missing Mcp-Session-Id header")));
	}

	@Test
	void wrongContentTypeIsUnsupportedMediaType() {
		run((client) -> {
			String sessionId = initialize(client);
			expectError(post(client, sessionId).contentType(MediaType.TEXT_PLAIN).bodyValue(ECHO).exchange(),
					HttpStatus.UNSUPPORTED_MEDIA_TYPE, rpcError(-32600, "Content-Type must be application/json"));
		});
	}

	@Test
	void missingContentTypeIsUnsupportedMediaType() {
		run((client) -> expectError(
				client.post()
					.uri("/mcp")
					.accept(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM)
					.bodyValue(INITIALIZE.getBytes(StandardCharsets.UTF_8))
					.exchange(),
				HttpStatus.UNSUPPORTED_MEDIA_TYPE, rpcError(-32600, "Content-Type must be application/json")));
	}

	@Test
	void acceptWithoutEventStreamIsNotAcceptable() {
		run((client) -> expectError(post(client).accept(MediaType.APPLICATION_JSON).bodyValue(INITIALIZE).exchange(),
				HttpStatus.NOT_ACCEPTABLE,
				rpcError(-32600, "Accept must include application/json and text/event-stream")));
	}

	@Test
	void acceptWithoutJsonIsNotAcceptable() {
		run((client) -> expectError(post(client).accept(MediaType.TEXT_EVENT_STREAM).bodyValue(INITIALIZE).exchange(),
				HttpStatus.NOT_ACCEPTABLE,
				rpcError(-32600, "Accept must include application/json and text/event-stream")));
	}

	@Test
	void getWithoutEventStreamAcceptIsNotAcceptable() {
		run((client) -> {
			String sessionId = initialize(client);
			expectError(
					client.get()
						.uri("/mcp")
						.header(SESSION_ID, sessionId)
						.accept(MediaType.APPLICATION_JSON)
						.exchange(),
					HttpStatus.NOT_ACCEPTABLE, rpcError(-32600, "Accept must include text/event-stream"));
		});
	}

	@Test
	void getWithoutSessionIsBadRequest() {
		run((client) -> expectError(client.get().uri("/mcp").accept(MediaType.TEXT_EVENT_STREAM).exchange(),
				HttpStatus.BAD_REQUEST, rpcError(-32600, "Missing Mcp-Session-Id header")));
	}

	@Test
	void getWithUnknownSessionIsNotFound() {
		run((client) -> expectError(
				client.get().uri("/mcp").header(SESSION_ID, "nope").accept(MediaType.TEXT_EVENT_STREAM).exchange(),
				HttpStatus.NOT_FOUND, rpcError(-32600, "Session not found")));
	}

	@Test
	void otherMethodsAreNotAllowed() {
		run((client) -> {
			for (HttpMethod method : new HttpMethod[] { HttpMethod.PUT, HttpMethod.PATCH }) {
				client.method(method)
					.uri("/mcp")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(ECHO)
					.exchange()
					.expectStatus()
					.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
					.expectHeader()
					.valueEquals(HttpHeaders.ALLOW, "GET, POST, DELETE");
			}
		});
	}

	@Test
	void otherMethodsWithInvalidOriginAreForbidden() {
		run((client) -> expectError(client.put().uri("/mcp").header(HttpHeaders.ORIGIN, "https://evil.com").exchange(),
				HttpStatus.FORBIDDEN, rpcError(-32600, "Forbidden origin")));
	}

	@Test
	void otherPathsAreNotServed() {
		run((client) -> client.post()
			.uri("/other")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(INITIALIZE)
			.exchange()
			.expectStatus()
			.isNotFound());
	}

	@Test
	void secondInitializeWithSessionIsBadRequest() {
		run((client) -> {
			String sessionId = initialize(client);
			expectError(post(client, sessionId).bodyValue(INITIALIZE.replace("\"id\":1", "\"id\":2")).exchange(),
					HttpStatus.BAD_REQUEST,
					"{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{\"code\":-32600,\"message\":\"Session already initialized\"}}");
		});
	}

	@Test
	void sessionLimitIsServiceUnavailable() {
		run(this.contextRunner.withPropertyValues("mcp.server.session.max-sessions=1"), (client) -> {
			initialize(client);
			post(client).bodyValue(INITIALIZE)
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader()
				.valueEquals(HttpHeaders.RETRY_AFTER, "30")
				.expectHeader()
				.doesNotExist(SESSION_ID)
				.expectBody(String.class)
				// issue 14.1: a 503 names the request it refuses
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,"
						+ "\"message\":\"Too many sessions, try again later\"}}");
		});
	}

	static class SlowTools {

		final CountDownLatch started = new CountDownLatch(1);

		@McpTool
		Mono<String> slow() {
			this.started.countDown();
			return Mono.delay(Duration.ofMillis(500)).thenReturn("done");
		}

	}

	static class EchoTools {

		@McpTool
		String echo(String text) {
			return "echo " + text;
		}

		@McpTool
		@NonBlocking
		String echoInPlace(String text) {
			return "echo " + text;
		}

	}

}
