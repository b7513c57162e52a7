package dev.mcpspring.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.test.RawHttp;
import dev.mcpspring.test.StdioPipe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tool call over {@code mcp.server.limits.max-concurrent-tool-calls} is refused at
 * once: HTTP {@code 503} with {@code Retry-After} and the request's id on both revisions,
 * the JSON-RPC error "Server busy" with the id on stdio (issue 14.1).
 *
 * @author MCP Spring Boot team
 */
class ConcurrencyLimitIntegrationTests {

	private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
			+ "\"io.modelcontextprotocol/clientCapabilities\":{}}";

	private static final String HEAD = "POST /mcp HTTP/1.1\nHost: localhost\n"
			+ "Accept: application/json, text/event-stream\nContent-Type: application/json\n";

	private ConfigurableApplicationContext context;

	private int port;

	private final CountDownLatch release = new CountDownLatch(1);

	private final CountDownLatch started = new CountDownLatch(1);

	@BeforeEach
	void start() {
		this.context = new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "spring.main.banner-mode=off", "mcp.server.limits.max-concurrent-tool-calls=1")
			.initializers((context) -> context.getBeanFactory().registerSingleton("latches", this))
			.run();
		this.port = this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	@AfterEach
	void stop() {
		this.release.countDown();
		this.context.close();
	}

	@Test
	void callOverTheLimitIsRefusedWithItsIdOnEveryTransport() throws Exception {
		String slow = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{" + META
				+ ",\"name\":\"slow\",\"arguments\":{}}}";
		CompletableFuture<RawHttp.Response> first = CompletableFuture.supplyAsync(() -> post(slow, "slow"));
		assertThat(this.started.await(10, TimeUnit.SECONDS)).isTrue();

		RawHttp.Response stateless = post(slow.replace("\"id\":1", "\"id\":\"s-8\""), "slow");
		assertThat(stateless.status()).as(stateless.body()).isEqualTo(503);
		assertThat(stateless.header("Retry-After")).isNotBlank();
		assertThat(stateless.body()).contains("\"id\":\"s-8\"").contains("\"code\":-32603,\"message\":\"Server busy\"");

		String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
				+ "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
		String sessionId = RawHttp.exchange(this.port, HEAD, initialize).header("Mcp-Session-Id");
		RawHttp.Response session = RawHttp.exchange(this.port,
				HEAD + "MCP-Protocol-Version: 2025-11-25\nMcp-Session-Id: " + sessionId + "\n",
				"{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}");
		assertThat(session.status()).as(session.body()).isEqualTo(503);
		assertThat(session.header("Retry-After")).isNotBlank();
		assertThat(session.body()).contains("\"id\":9").contains("Server busy");

		try (StdioPipe stdio = new StdioPipe(this.context.getBean(McpSessionService.class),
				this.context.getBean(JsonRpcCodec.class))) {
			JsonNode answer = stdio.exchange(slow.replace("\"id\":1", "\"id\":10"));
			assertThat(answer.toString())
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":10,\"error\":{\"code\":-32603,\"message\":\"Server busy\"}}");
		}

		this.release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS).body()).contains("done");
	}

	private RawHttp.Response post(String body, String name) {
		try {
			return RawHttp.exchange(this.port,
					HEAD + "MCP-Protocol-Version: 2026-07-28\nMcp-Method: tools/call\nMcp-Name: " + name + "\n",
					body.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(exclude = { ReactiveWebSecurityAutoConfiguration.class,
			ReactiveUserDetailsServiceAutoConfiguration.class, ReactiveManagementWebSecurityAutoConfiguration.class })
	static class App {

		@Bean
		Tools tools(ConcurrencyLimitIntegrationTests latches) {
			return new Tools(latches);
		}

	}

	static class Tools {

		private final ConcurrencyLimitIntegrationTests latches;

		Tools(ConcurrencyLimitIntegrationTests latches) {
			this.latches = latches;
		}

		@McpTool
		String slow() throws InterruptedException {
			this.latches.started.countDown();
			this.latches.release.await(20, TimeUnit.SECONDS);
			return "done";
		}

	}

}
