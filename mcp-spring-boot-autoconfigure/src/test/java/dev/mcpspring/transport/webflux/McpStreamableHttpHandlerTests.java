package dev.mcpspring.transport.webflux;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.annotation.NonBlocking;
import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.autoconfigure.McpWebFluxAutoConfiguration;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpStreamableHttpHandler}.
 *
 * @author MCP Spring Boot team
 */
class McpStreamableHttpHandlerTests {

	private static final String SESSION_ID = "Mcp-Session-Id";

	private static final String PROTOCOL_VERSION = "MCP-Protocol-Version";

	private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
			+ "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1.0\"}}}";

	private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

	private static final String ECHO = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
			+ "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}";

	private static final String ECHO_RESPONSE = "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":"
			+ "{\"content\":[{\"type\":\"text\",\"text\":\"echo hi\"}]}}";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class, McpServerAutoConfiguration.class,
				McpWebFluxAutoConfiguration.class))
		.withBean(EchoTools.class);

	private void run(Consumer<WebTestClient> test) {
		run(this.contextRunner, test);
	}

	private static void run(ReactiveWebApplicationContextRunner runner, Consumer<WebTestClient> test) {
		runner.run((context) -> test.accept(client(context)));
	}

	private static WebTestClient client(AssertableReactiveWebApplicationContext context) {
		assertThat(context).hasNotFailed();
		return WebTestClient.bindToApplicationContext(context)
			.configureClient()
			.baseUrl("http://localhost:8080")
			.defaultHeader(HttpHeaders.HOST, "localhost:8080")
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	private static WebTestClient.RequestBodySpec post(WebTestClient client) {
		return client.post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM);
	}

	private static WebTestClient.RequestBodySpec post(WebTestClient client, String sessionId) {
		return post(client).header(SESSION_ID, sessionId).header(PROTOCOL_VERSION, "2025-11-25");
	}

	private static String initialize(WebTestClient client) {
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

	private static void expectError(WebTestClient.ResponseSpec response, HttpStatus status, String body) {
		response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody(String.class)
			.isEqualTo(body);
	}

	private static String rpcError(int code, String message) {
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
		run((client) -> post(client)
			.bodyValue("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2024-10-07\"}}")
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
		run(this.contextRunner.withPropertyValues("mcp.server.session.enabled=false").withBean(SlowTools.class, () -> tools),
				(client) -> {
					String call = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}";
					CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> post(client).bodyValue(call)
						.exchange()
						.expectStatus()
						.isOk()
						.expectBody(String.class)
						.returnResult()
						.getResponseBody());
					assertThat(awaitQuietly(tools.started)).isTrue();
					post(client).bodyValue("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
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
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}");
		});
	}

	@Test
	void requestWithoutSessionIsBadRequest() {
		run((client) -> expectError(post(client).bodyValue(ECHO).exchange(), HttpStatus.BAD_REQUEST,
				rpcError(-32600, "Missing Mcp-Session-Id header")));
	}

	@Test
	void notificationWithoutSessionIsBadRequest() {
		run((client) -> expectError(post(client).bodyValue(INITIALIZED).exchange(), HttpStatus.BAD_REQUEST,
				rpcError(-32600, "Missing Mcp-Session-Id header")));
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
		run((client) -> expectError(client.post()
			.uri("/mcp")
			.accept(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM)
			.bodyValue(INITIALIZE.getBytes(StandardCharsets.UTF_8))
			.exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, rpcError(-32600, "Content-Type must be application/json")));
	}

	@Test
	void acceptWithoutEventStreamIsNotAcceptable() {
		run((client) -> expectError(post(client).accept(MediaType.APPLICATION_JSON).bodyValue(INITIALIZE).exchange(),
				HttpStatus.NOT_ACCEPTABLE, rpcError(-32600, "Accept must include application/json and text/event-stream")));
	}

	@Test
	void acceptWithoutJsonIsNotAcceptable() {
		run((client) -> expectError(post(client).accept(MediaType.TEXT_EVENT_STREAM).bodyValue(INITIALIZE).exchange(),
				HttpStatus.NOT_ACCEPTABLE, rpcError(-32600, "Accept must include application/json and text/event-stream")));
	}

	@Test
	void getWithoutEventStreamAcceptIsNotAcceptable() {
		run((client) -> {
			String sessionId = initialize(client);
			expectError(client.get().uri("/mcp").header(SESSION_ID, sessionId).accept(MediaType.APPLICATION_JSON).exchange(),
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
	void bodyOverLimitWithContentLengthIsPayloadTooLarge() {
		run(this.contextRunner.withPropertyValues("mcp.server.limits.max-request-size=256B"),
				(client) -> expectError(post(client).bodyValue(echoOfSize(300)).exchange(), HttpStatus.PAYLOAD_TOO_LARGE,
						rpcError(-32600, "Request body too large")));
	}

	@Test
	void streamedBodyOverLimitIsPayloadTooLarge() {
		run(this.contextRunner.withPropertyValues("mcp.server.limits.max-request-size=256B"), (client) -> {
			String body = echoOfSize(300);
			Flux<byte[]> chunks = Flux.just(body.substring(0, 150), body.substring(150))
				.map((chunk) -> chunk.getBytes(StandardCharsets.UTF_8));
			expectError(post(client).body(chunks, byte[].class).exchange(), HttpStatus.PAYLOAD_TOO_LARGE,
					rpcError(-32600, "Request body too large"));
		});
	}

	@Test
	void bodyAtLimitIsAccepted() {
		run(this.contextRunner.withPropertyValues("mcp.server.limits.max-request-size=256B"), (client) -> {
			String sessionId = initialize(client);
			post(client, sessionId).bodyValue(echoOfSize(256))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.result.content[0].type")
				.isEqualTo("text");
		});
	}

	@Test
	void unsupportedProtocolVersionIsBadRequest() {
		run((client) -> {
			String sessionId = initialize(client);
			post(client).header(SESSION_ID, sessionId)
				.header(PROTOCOL_VERSION, "1999-01-01")
				.bodyValue(ECHO)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_JSON)
				.expectBody()
				.jsonPath("$.jsonrpc")
				.isEqualTo("2.0")
				.jsonPath("$.result")
				.doesNotExist()
				.jsonPath("$.error.code")
				.isNumber();
			// the request was not served
			post(client, sessionId).bodyValue(ECHO).exchange().expectStatus().isOk();
		});
	}

	@Test
	void unsupportedProtocolVersionIsAnsweredWithSupportedVersions() {
		run((client) -> {
			String sessionId = initialize(client);
			post(client).header(SESSION_ID, sessionId)
				.header(PROTOCOL_VERSION, "1999-01-01")
				.bodyValue(ECHO)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.id")
				.isEqualTo(2)
				.jsonPath("$.error.code")
				.isEqualTo(-32022)
				.jsonPath("$.error.data.requested")
				.isEqualTo("1999-01-01")
				.jsonPath("$.error.data.supported")
				.value((supported) -> assertThat(supported).asInstanceOf(InstanceOfAssertFactories.LIST)
					.containsExactly("2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26"));
		});
	}

	@Test
	void notificationWithUnsupportedProtocolVersionIsBadRequest() {
		run((client) -> {
			String sessionId = initialize(client);
			post(client).header(SESSION_ID, sessionId)
				.header(PROTOCOL_VERSION, "1999-01-01")
				.bodyValue(INITIALIZED)
				.exchange()
				.expectStatus()
				.isBadRequest();
		});
	}

	@Test
	void unsupportedProtocolVersionOnGetAndDeleteIsBadRequest() {
		run(this.contextRunner.withPropertyValues("mcp.server.transport.streamable-http.keep-alive-interval=100ms"),
				(client) -> {
			String sessionId = initialize(client);
			// read the status only: a wrongly opened stream would never end
			FluxExchangeResult<DataBuffer> get = client.get()
				.uri("/mcp")
				.header(SESSION_ID, sessionId)
				.header(PROTOCOL_VERSION, "1999-01-01")
				.accept(MediaType.TEXT_EVENT_STREAM)
				.exchange()
				.returnResult(DataBuffer.class);
			assertThat(get.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
			get.getResponseBody().subscribe().dispose();
			expectError(client.delete()
				.uri("/mcp")
				.header(SESSION_ID, sessionId)
				.header(PROTOCOL_VERSION, "1999-01-01")
				.exchange(), HttpStatus.BAD_REQUEST,
					rpcError(-32600, "Unsupported MCP-Protocol-Version, supported: [2024-11-05, 2025-03-26, 2025-06-18, 2025-11-25]"));
		});
	}

	@Test
	void invalidOriginIsForbidden() {
		run((client) -> {
			expectError(post(client).header(HttpHeaders.ORIGIN, "https://evil.com").bodyValue(INITIALIZE).exchange(),
					HttpStatus.FORBIDDEN, rpcError(-32600, "Forbidden origin"));
			String sessionId = initialize(client);
			expectError(client.get()
				.uri("/mcp")
				.header(SESSION_ID, sessionId)
				.header(HttpHeaders.ORIGIN, "https://evil.com")
				.accept(MediaType.TEXT_EVENT_STREAM)
				.exchange(), HttpStatus.FORBIDDEN, rpcError(-32600, "Forbidden origin"));
			expectError(client.delete()
				.uri("/mcp")
				.header(SESSION_ID, sessionId)
				.header(HttpHeaders.ORIGIN, "null")
				.exchange(), HttpStatus.FORBIDDEN, rpcError(-32600, "Forbidden origin"));
			// the session survived the forbidden DELETE
			post(client, sessionId).bodyValue(ECHO).exchange().expectStatus().isOk();
		});
	}

	@Test
	void invalidHostIsForbidden() {
		run((client) -> expectError(post(client).header(HttpHeaders.HOST, "evil.com").bodyValue(INITIALIZE).exchange(),
				HttpStatus.FORBIDDEN, rpcError(-32600, "Forbidden origin")));
	}

	@Test
	void loopbackOriginIsAllowed() {
		run((client) -> post(client).header(HttpHeaders.ORIGIN, "http://localhost:6274")
			.bodyValue(INITIALIZE)
			.exchange()
			.expectStatus()
			.isOk());
	}

	@Test
	void configuredHostAndOriginAreAllowed() {
		run(this.contextRunner.withPropertyValues("mcp.server.transport.allowed-hosts=mcp.example.com",
				"mcp.server.transport.allowed-origins=https://app.example.com"), (client) -> {
					post(client).header(HttpHeaders.HOST, "mcp.example.com")
						.header(HttpHeaders.ORIGIN, "https://app.example.com")
						.bodyValue(INITIALIZE)
						.exchange()
						.expectStatus()
						.isOk();
					expectError(post(client).header(HttpHeaders.HOST, "mcp.example.com")
						.header(HttpHeaders.ORIGIN, "https://other.example.com")
						.bodyValue(INITIALIZE)
						.exchange(), HttpStatus.FORBIDDEN, rpcError(-32600, "Forbidden origin"));
				});
	}

	@Test
	void malformedJsonIsParseError() {
		run((client) -> expectError(post(client).bodyValue("{\"jsonrpc\":\"2.0\",").exchange(), HttpStatus.BAD_REQUEST,
				rpcError(-32700, "Parse error")));
	}

	@Test
	void duplicateKeysAreParseError() {
		run((client) -> expectError(
				post(client).bodyValue("{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"initialize\"}").exchange(),
				HttpStatus.BAD_REQUEST, rpcError(-32700, "Parse error")));
	}

	@Test
	void batchIsInvalidRequest() {
		run((client) -> expectError(post(client).bodyValue("[" + INITIALIZE + "]").exchange(), HttpStatus.BAD_REQUEST,
				rpcError(-32600, "Batch messages are not supported")));
	}

	@Test
	void invalidRequestEchoesIdWhenKnown() {
		run((client) -> expectError(post(client).bodyValue("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"\"}").exchange(),
				HttpStatus.BAD_REQUEST,
				"{\"jsonrpc\":\"2.0\",\"id\":9,\"error\":{\"code\":-32600,\"message\":\"Invalid method: must be a non-empty string\"}}"));
	}

	@Test
	void emptyBodyIsBadRequest() {
		run((client) -> post(client).bodyValue("")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.jsonrpc")
			.isEqualTo("2.0")
			.jsonPath("$.id")
			.doesNotExist()
			.jsonPath("$.error.code")
			.value((code) -> assertThat(code).isIn(-32700, -32600)));
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
				.isEqualTo(rpcError(-32603, "Too many sessions, try again later"));
		});
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
					assertThat(body).matches(Pattern.compile("id:[\\x21-\\x7E]+\nevent:message\ndata:"
							+ Pattern.quote(ECHO_RESPONSE) + "\n\n"));
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
					assertThat(body).matches(Pattern.compile("id:[\\x21-\\x7E]+\nevent:message\ndata:"
							+ Pattern.quote(ECHO_RESPONSE) + "\n\n"));
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
					post(client, sessionId).bodyValue(INITIALIZED).exchange().expectStatus().isAccepted().expectBody().isEmpty();
				});
	}

	@Test
	void getOpensEventStreamWithKeepAlive() {
		run(this.contextRunner.withPropertyValues("mcp.server.transport.streamable-http.keep-alive-interval=200ms"),
				(client) -> {
					String sessionId = initialize(client);
					FluxExchangeResult<DataBuffer> result = client.get()
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
					StepVerifier.create(events(result))
						.expectNext(":keep-alive\n\n")
						.thenCancel()
						.verify(Duration.ofSeconds(5));
				});
	}

	@Test
	void keepAliveSurvivesSlowReader() {
		run(this.contextRunner.withPropertyValues("mcp.server.transport.streamable-http.keep-alive-interval=20ms"),
				(client) -> {
					String sessionId = initialize(client);
					FluxExchangeResult<DataBuffer> result = client.get()
						.uri("/mcp")
						.header(SESSION_ID, sessionId)
						.accept(MediaType.TEXT_EVENT_STREAM)
						.exchange()
						.expectStatus()
						.isOk()
						.returnResult(DataBuffer.class);
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
		run(this.contextRunner.withPropertyValues("mcp.server.transport.streamable-http.keep-alive-interval=1m"),
				(client) -> {
					String sessionId = initialize(client);
					FluxExchangeResult<DataBuffer> result = client.mutate()
						.responseTimeout(Duration.ofSeconds(3))
						.build()
						.get()
						.uri("/mcp")
						.header(SESSION_ID, sessionId)
						.accept(MediaType.TEXT_EVENT_STREAM)
						.exchange()
						.expectStatus()
						.isOk()
						.expectHeader()
						.contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
						.returnResult(DataBuffer.class);
					result.getResponseBody().subscribe().dispose();
				});
	}

	@Test
	void deleteCompletesOpenEventStream() {
		run(this.contextRunner.withPropertyValues("mcp.server.transport.streamable-http.keep-alive-interval=1s"),
				(client) -> {
					String sessionId = initialize(client);
					FluxExchangeResult<DataBuffer> result = client.get()
						.uri("/mcp")
						.header(SESSION_ID, sessionId)
						.accept(MediaType.TEXT_EVENT_STREAM)
						.exchange()
						.expectStatus()
						.isOk()
						.returnResult(DataBuffer.class);
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
	 * Split the raw stream into SSE events, whatever the chunks written.
	 */
	private static Flux<String> events(FluxExchangeResult<DataBuffer> result) {
		return result.getResponseBody()
			.map((buffer) -> buffer.toString(StandardCharsets.UTF_8))
			.bufferUntil((chunk) -> chunk.equals("\n") || chunk.endsWith("\n\n"))
			.map((chunks) -> String.join("", chunks));
	}

	private static String echoOfSize(int size) {
		String prefix = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"";
		String suffix = "\"}}}";
		String body = prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix;
		assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(size);
		return body;
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
