package dev.mcpspring.redis;

import java.time.Duration;

import dev.mcpspring.redis.McpInstance.Response;
import dev.mcpspring.test.EchoServerApplication;
import dev.mcpspring.test.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a server on the Redis store does while Redis is down, and after it returns:
 * session requests fail fast with 503, stateless requests go on, the {@code mcp} health
 * is DOWN, and everything recovers without a restart (issue 12).
 *
 * @author MCP Spring Boot team
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisOutageIntegrationTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private static final String STATELESS_ECHO = """
			{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"_meta":{
			"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}},
			"name":"echo","arguments":{"text":"hi"}}}""";

	private McpInstance server;

	@BeforeAll
	void start() {
		this.server = new McpInstance(EchoServerApplication.class, redis.properties()[0], redis.properties()[1],
				"mcp.server.session.store=redis", "mcp.server.session.redis.timeout=1s",
				"management.endpoints.web.exposure.include=health",
				"management.endpoint.health.show-components=always");
	}

	@AfterAll
	void stop() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void redisOutageFailsSessionRequestsFastKeepsStatelessOnesAndRecoversByItself() {
		String session = this.server.initialize();
		assertThat(this.server.post(session, echo(1)).status()).isEqualTo(200);
		assertThat(mcpHealth()).isEqualTo("UP");

		redis.stop();
		long start = System.nanoTime();
		Response failed = this.server.post(session, echo(2));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(failed.status()).as(failed.body()).isEqualTo(503);
		assertThat(took).isLessThan(Duration.ofSeconds(3));
		assertThat(failed.json().at("/error/message").asString())
			.isEqualTo("Session store unavailable, try again later");
		assertThat(failed.json().at("/error/code").isInt()).isTrue();
		assertThat(failed.body()).doesNotContainIgnoringCase("redis:").doesNotContainIgnoringCase("lettuce");
		assertThat(this.server.postAsync(null, """
				{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25",
				"capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""")
			.block(Duration.ofSeconds(5))
			.status()).isEqualTo(503);
		Response stateless = statelessEcho();
		assertThat(stateless.status()).as(stateless.body()).isEqualTo(200);
		assertThat(stateless.body()).contains("echo hi");
		assertThat(mcpHealth()).isEqualTo("DOWN");

		redis.start();
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> "UP".equals(mcpHealth()));
		String newSession = this.server.initialize();
		Response served = this.server.post(newSession, echo(3));
		assertThat(served.status()).as(served.body()).isEqualTo(200);
		assertThat(served.body()).contains("echo hi");
	}

	private Response statelessEcho() {
		return this.server.postStateless("tools/call", "echo", STATELESS_ECHO);
	}

	private String mcpHealth() {
		String body = WebClient.create("http://127.0.0.1:" + this.server.getPort())
			.get()
			.uri("/actuator/health/mcp")
			.exchangeToMono((response) -> response.bodyToMono(String.class))
			.block(Duration.ofSeconds(10));
		return McpInstance.json(body).path("status").asString();
	}

	private static String echo(int id) {
		return RedisCrossInstanceIntegrationTests.toolCall(id, "echo", "{\"text\":\"hi\"}");
	}

}
