package dev.mcpspring.transport.webflux;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.ECHO;
import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.INITIALIZE;
import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.INITIALIZED;
import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.PROTOCOL_VERSION;
import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.SESSION_ID;
import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.expectError;
import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.initialize;
import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.post;
import static dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.rpcError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the request checks of {@link McpStreamableHttpHandler}: body limits, protocol
 * versions, Origin and Host, and malformed messages.
 *
 * @author MCP Spring Boot team
 */
class McpStreamableHttpHandlerValidationTests {

	private final ReactiveWebApplicationContextRunner contextRunner = McpStreamableHttpHandlerTests.contextRunner();

	private void run(Consumer<WebTestClient> test) {
		run(this.contextRunner, test);
	}

	private static void run(ReactiveWebApplicationContextRunner runner, Consumer<WebTestClient> test) {
		McpStreamableHttpHandlerTests.run(runner, test);
	}

	@Test
	void bodyOverLimitWithContentLengthIsPayloadTooLarge() {
		run(this.contextRunner.withPropertyValues("mcp.server.limits.max-request-size=256B"),
				(client) -> expectError(post(client).bodyValue(echoOfSize(300)).exchange(),
						HttpStatus.PAYLOAD_TOO_LARGE, rpcError(-32600, "Request body too large")));
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
	void unsupportedProtocolVersionIsBadRequestNamingSupportedVersions() {
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
				.jsonPath("$.id")
				.isEqualTo(2)
				.jsonPath("$.error.code")
				.isEqualTo(-32022)
				.jsonPath("$.error.data.requested")
				.isEqualTo("1999-01-01")
				.jsonPath("$.error.data.supported")
				.value((supported) -> assertThat(supported).asInstanceOf(InstanceOfAssertFactories.LIST)
					.containsExactly("2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26"));
			// the request was not served
			post(client, sessionId).bodyValue(ECHO).exchange().expectStatus().isOk();
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
					expectError(
							client.delete()
								.uri("/mcp")
								.header(SESSION_ID, sessionId)
								.header(PROTOCOL_VERSION, "1999-01-01")
								.exchange(),
							HttpStatus.BAD_REQUEST, rpcError(-32600,
									"Unsupported MCP-Protocol-Version, supported: [2024-11-05, 2025-03-26, 2025-06-18, 2025-11-25]"));
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
	void invalidHostIsForbiddenOnALoopbackServer() {
		run(this.contextRunner.withPropertyValues("server.address=127.0.0.1"),
				(client) -> expectError(
						post(client).header(HttpHeaders.HOST, "evil.com").bodyValue(INITIALIZE).exchange(),
						HttpStatus.FORBIDDEN, rpcError(-32600, "Forbidden host")));
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

	private static String echoOfSize(int size) {
		String prefix = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"";
		String suffix = "\"}}}";
		String body = prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix;
		assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(size);
		return body;
	}

}
