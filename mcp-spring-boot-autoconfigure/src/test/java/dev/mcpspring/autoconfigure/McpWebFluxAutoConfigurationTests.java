package dev.mcpspring.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.server.McpServerHandler;
import dev.mcpspring.server.McpSessionService;
import dev.mcpspring.transport.support.McpEventStore;
import dev.mcpspring.transport.support.OriginValidator;
import dev.mcpspring.transport.support.StreamWriteLimits;
import dev.mcpspring.transport.webflux.McpStreamableHttpHandler;
import dev.mcpspring.transport.webflux.McpStreamableHttpHandler.ResponseMode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpWebFluxAutoConfiguration}.
 *
 * @author MCP Spring Boot team
 */
class McpWebFluxAutoConfigurationTests {

	private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
			+ "{\"protocolVersion\":\"2025-11-25\"}}";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class, McpServerAutoConfiguration.class,
				McpWebFluxAutoConfiguration.class));

	@Test
	void defaultBeans() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(McpStreamableHttpHandler.class);
			assertThat(context).hasBean("mcpRouterFunction");
			assertThat(context.getBean("mcpRouterFunction")).isInstanceOf(RouterFunction.class);
		});
	}

	@Test
	void streamWriteLimitsFromProperties() {
		this.contextRunner
			.withPropertyValues("mcp.server.limits.max-pending-stream-events=50",
					"mcp.server.limits.stream-write-timeout=5s")
			.run((context) -> {
				StreamWriteLimits limits = context.getBean(StreamWriteLimits.class);
				assertThat(limits.getMaxPendingEvents()).isEqualTo(50);
				assertThat(limits.getWriteTimeout()).isEqualTo(Duration.ofSeconds(5));
			});
	}

	@Test
	void streamWriteLimitsBackOff() {
		StreamWriteLimits custom = new StreamWriteLimits(7, Duration.ofSeconds(1));
		this.contextRunner.withBean(StreamWriteLimits.class, () -> custom)
			.run((context) -> assertThat(context).getBean(StreamWriteLimits.class).isSameAs(custom));
	}

	@Test
	void servesDefaultPath() {
		this.contextRunner.run((context) -> {
			WebTestClient client = client(context);
			post(client, "/mcp").exchange().expectStatus().isOk().expectHeader().exists("Mcp-Session-Id");
		});
	}

	@Test
	void servesConfiguredPath() {
		this.contextRunner.withPropertyValues("mcp.server.transport.streamable-http.path=/api/mcp").run((context) -> {
			WebTestClient client = client(context);
			post(client, "/api/mcp").exchange().expectStatus().isOk().expectHeader().exists("Mcp-Session-Id");
			post(client, "/mcp").exchange().expectStatus().isNotFound();
		});
	}

	@Test
	void notInNonWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, McpServerAutoConfiguration.class,
					McpWebFluxAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(McpServerHandler.class);
				assertThat(context).doesNotHaveBean(McpStreamableHttpHandler.class);
				assertThat(context).doesNotHaveBean("mcpRouterFunction");
			});
	}

	@Test
	void disabledByTransportProperty() {
		this.contextRunner.withPropertyValues("mcp.server.transport.streamable-http.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(McpServerHandler.class);
			assertThat(context).doesNotHaveBean(McpStreamableHttpHandler.class);
			assertThat(context).doesNotHaveBean("mcpRouterFunction");
		});
	}

	@Test
	void disabledWithServer() {
		this.contextRunner.withPropertyValues("mcp.server.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(McpServerHandler.class);
			assertThat(context).doesNotHaveBean(McpStreamableHttpHandler.class);
			assertThat(context).doesNotHaveBean("mcpRouterFunction");
		});
	}

	@Test
	void backsOffWithoutWebFlux() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(RouterFunction.class)).run((context) -> {
			assertThat(context).doesNotHaveBean(McpStreamableHttpHandler.class);
			assertThat(context).doesNotHaveBean("mcpRouterFunction");
		});
	}

	@Test
	void userHandlerBacksOff() {
		this.contextRunner.withUserConfiguration(CustomHandlerConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(McpStreamableHttpHandler.class);
			assertThat(context).getBean(McpStreamableHttpHandler.class).isSameAs(context.getBean("customHandler"));
			// the custom handler accepts any host and is the one routed to
			post(client(context), "/mcp").header(HttpHeaders.HOST, "evil.com")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.exists("Mcp-Session-Id");
		});
	}

	private static WebTestClient client(ApplicationContext context) {
		return WebTestClient.bindToApplicationContext(context)
			.configureClient()
			.defaultHeader(HttpHeaders.HOST, "localhost:8080")
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	private static WebTestClient.RequestHeadersSpec<?> post(WebTestClient client, String path) {
		return client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM)
			.bodyValue(INITIALIZE);
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomHandlerConfiguration {

		@Bean
		McpStreamableHttpHandler customHandler(McpSessionService serverHandler, JsonRpcCodec codec,
				McpEventStore eventStore) {
			return new McpStreamableHttpHandler(serverHandler, codec, new OriginValidator(List.of("*"), List.of("*")),
					1024, ResponseMode.SSE, Duration.ofSeconds(1), eventStore);
		}

	}

}
