package dev.mcpspring.redis;

import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.redis.McpInstance.Response;
import dev.mcpspring.server.McpContext;
import dev.mcpspring.test.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session attributes through real HTTP: kept between the calls of one client, invisible
 * to another, shared by instances over Redis, bounded, and refused on the stateless
 * revision (issue 18).
 *
 * @author MCP Spring Boot team
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionAttributesIntegrationTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private McpInstance a;

	private McpInstance b;

	private McpInstance memory;

	@BeforeAll
	void start() {
		String[] properties = { "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.getPort(),
				"mcp.server.session.store=redis", "mcp.server.transport.streamable-http.response-mode=json" };
		this.a = new McpInstance(App.class, properties);
		this.b = new McpInstance(App.class, properties);
		this.memory = new McpInstance(App.class, "mcp.server.transport.streamable-http.response-mode=json",
				"mcp.server.session.attributes.max-count=2", "mcp.server.session.attributes.max-size=64B");
	}

	@AfterAll
	void stop() {
		for (McpInstance instance : new McpInstance[] { this.a, this.b, this.memory }) {
			if (instance != null) {
				instance.close();
			}
		}
	}

	@Test
	void attributeStoredInOneCallIsReadInTheNextCallOfTheSameClientOnly() {
		String first = this.memory.initialize();
		String second = this.memory.initialize();
		assertThat(text(this.memory.post(first, remember(1, "colour", "blue")))).isEqualTo("stored colour");
		assertThat(text(this.memory.post(first, recall(2, "colour")))).isEqualTo("blue");
		assertThat(text(this.memory.post(second, recall(3, "colour")))).isEqualTo("nothing");
	}

	@Test
	void attributeStoredOnOneInstanceIsReadOnAnotherSharingRedis() {
		String first = this.a.initialize();
		String second = this.b.initialize();
		assertThat(text(this.a.post(first, remember(1, "colour", "green")))).isEqualTo("stored colour");
		assertThat(text(this.b.post(first, recall(2, "colour")))).isEqualTo("green");
		assertThat(text(this.a.post(second, recall(3, "colour")))).isEqualTo("nothing");
		assertThat(text(this.b.post(first, forget(4, "colour")))).isEqualTo("forgot colour");
		assertThat(text(this.a.post(first, recall(5, "colour")))).isEqualTo("nothing");
	}

	@Test
	void attributesBeyondTheLimitsFailTheCallWithAClearToolError() {
		String session = this.memory.initialize();
		JsonNode tooLarge = this.memory.post(session, remember(1, "big", "x".repeat(100))).json().path("result");
		assertThat(tooLarge.path("isError").asBoolean()).isTrue();
		assertThat(tooLarge.at("/content/0/text").asString())
			.isEqualTo("Cannot store session attribute 'big': the attributes of a session take at most 64 bytes "
					+ "of JSON, this needs 105");
		assertThat(text(this.memory.post(session, remember(2, "one", "1")))).isEqualTo("stored one");
		assertThat(text(this.memory.post(session, remember(3, "two", "2")))).isEqualTo("stored two");
		JsonNode tooMany = this.memory.post(session, remember(4, "three", "3")).json().path("result");
		assertThat(tooMany.path("isError").asBoolean()).isTrue();
		assertThat(tooMany.at("/content/0/text").asString())
			.isEqualTo("Cannot store session attribute 'three': a session holds at most 2 attributes");
	}

	@Test
	void attributesOnTheStatelessRevisionFailTheCallNamingTheAlternatives() {
		Response response = this.a.postStateless("tools/call", "recall",
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"recall\","
						+ "\"arguments\":{\"name\":\"colour\"},\"_meta\":{"
						+ "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
						+ "\"io.modelcontextprotocol/clientCapabilities\":{}}}}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode result = response.json().path("result");
		assertThat(result.path("isError").asBoolean()).isTrue();
		assertThat(result.at("/content/0/text").asString()).isEqualTo(
				"Session attributes are unavailable: this request uses the stateless protocol revision 2026-07-28, "
						+ "which has no session; keep state in requestState or your own store");
	}

	private static String text(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode result = response.json().path("result");
		assertThat(result.path("isError").asBoolean()).as(response.body()).isFalse();
		return result.at("/content/0/text").asString();
	}

	private static String remember(int id, String name, String value) {
		return RedisCrossInstanceIntegrationTests.toolCall(id, "remember",
				"{\"name\":\"" + name + "\",\"value\":\"" + value + "\"}");
	}

	private static String recall(int id, String name) {
		return RedisCrossInstanceIntegrationTests.toolCall(id, "recall", "{\"name\":\"" + name + "\"}");
	}

	private static String forget(int id, String name) {
		return RedisCrossInstanceIntegrationTests.toolCall(id, "forget", "{\"name\":\"" + name + "\"}");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(exclude = { ReactiveWebSecurityAutoConfiguration.class,
			ReactiveUserDetailsServiceAutoConfiguration.class, ReactiveManagementWebSecurityAutoConfiguration.class })
	static class App {

		@Bean
		Memory memory() {
			return new Memory();
		}

	}

	static class Memory {

		@McpTool
		String remember(String name, String value, McpContext context) {
			context.putAttribute(name, value);
			return "stored " + name;
		}

		@McpTool
		String recall(String name, McpContext context) {
			String value = context.getAttribute(name, String.class);
			return (value != null) ? value : "nothing";
		}

		@McpTool
		String forget(String name, McpContext context) {
			context.removeAttribute(name);
			return "forgot " + name;
		}

	}

}
