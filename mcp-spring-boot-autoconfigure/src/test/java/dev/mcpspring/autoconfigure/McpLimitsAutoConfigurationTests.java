package dev.mcpspring.autoconfigure;

import java.time.Duration;
import java.time.Instant;

import dev.mcpspring.autoconfigure.diagnostics.InvalidMcpPropertyException;
import dev.mcpspring.autoconfigure.diagnostics.McpDependencyCheckAutoConfiguration;
import dev.mcpspring.autoconfigure.diagnostics.MissingDependencyException;
import dev.mcpspring.server.ConcurrencyLimitInterceptor;
import dev.mcpspring.server.McpSessionService;
import dev.mcpspring.server.session.McpSession;
import dev.mcpspring.transport.webflux.McpSessionStreamsLifecycle;
import dev.mcpspring.transport.webflux.RateLimitWebFilter;
import io.github.bucket4j.Bucket;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.cors.reactive.CorsWebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpLimitsAutoConfiguration} and graceful stream shutdown.
 */
class McpLimitsAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebFluxAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, McpServerAutoConfiguration.class, McpWebFluxAutoConfiguration.class,
				McpLimitsAutoConfiguration.class));

	@Test
	void nothingByDefault() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ConcurrencyLimitInterceptor.class)
			.doesNotHaveBean(RateLimitWebFilter.class)
			.doesNotHaveBean(CorsWebFilter.class));
	}

	@Test
	void concurrencyLimitFromProperty() {
		this.runner.withPropertyValues("mcp.server.limits.max-concurrent-tool-calls=2")
			.run((context) -> assertThat(context).hasSingleBean(ConcurrencyLimitInterceptor.class)
				.getBean(ConcurrencyLimitInterceptor.class)
				.extracting(ConcurrencyLimitInterceptor::getAvailable)
				.isEqualTo(2));
	}

	// issue 20.1: without Bucket4j the rate limit used to stay off silently
	@Test
	void rateLimitWithoutBucket4jFailsStartup() {
		this.runner.withConfiguration(AutoConfigurations.of(McpDependencyCheckAutoConfiguration.class))
			.withPropertyValues("mcp.server.limits.rate-limit.enabled=true")
			.withClassLoader(new FilteredClassLoader(Bucket.class))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(MissingDependencyException.class)
				.hasMessageContaining("com.bucket4j:bucket4j_jdk17-core"));
	}

	@Test
	void rateLimitAnswers429WithRetryAfter() {
		this.runner
			.withPropertyValues("mcp.server.limits.rate-limit.enabled=true", "mcp.server.limits.rate-limit.capacity=2",
					"mcp.server.limits.rate-limit.period=1h")
			.run((context) -> {
				WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
				for (int i = 0; i < 2; i++) {
					ping(client).expectStatus().value((status) -> assertThat(status).isNotEqualTo(429));
				}
				ping(client).expectStatus()
					.isEqualTo(429)
					.expectHeader()
					.value(HttpHeaders.RETRY_AFTER, (value) -> assertThat(Long.parseLong(value)).isPositive())
					.expectBody()
					.jsonPath("$.error.code")
					.isEqualTo(-32603);
				client.get().uri("/other").exchange().expectStatus().isNotFound();
			});
	}

	@Test
	void corsOnlyWhenConfigured() {
		this.runner.withPropertyValues("mcp.server.transport.cors.allowed-origins=https://app.example.test")
			.run((context) -> assertThat(context).hasBean("mcpCorsWebFilter"));
	}

	@Test
	void corsPreflightAllowsTheHeadersOfEveryRevision() {
		this.runner.withPropertyValues("mcp.server.transport.cors.allowed-origins=https://app.example.test")
			.run((context) -> {
				// a preflight is only cross-origin when the request has a host to compare
				// with
				WebTestClient client = WebTestClient.bindToApplicationContext(context)
					.configureClient()
					.baseUrl("http://mcp.example.test")
					.build();
				client.options()
					.uri("/mcp")
					.header(HttpHeaders.ORIGIN, "https://app.example.test")
					.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
					.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS,
							"content-type, mcp-protocol-version, mcp-method, mcp-name, mcp-param-region")
					.exchange()
					.expectStatus()
					.isOk()
					.expectHeader()
					.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
							"content-type, mcp-protocol-version, mcp-method, mcp-name, mcp-param-region");
				client.options()
					.uri("/mcp")
					.header(HttpHeaders.ORIGIN, "https://app.example.test")
					.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
					.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-unlisted, mcp-param-")
					.exchange()
					.expectStatus()
					.isForbidden();
			});
	}

	@Test
	void corsWildcardWithCredentialsFailsStartup() {
		this.runner
			.withPropertyValues("mcp.server.transport.cors.allowed-origins=*",
					"mcp.server.transport.cors.allow-credentials=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidMcpPropertyException.class)
				.hasMessageContaining("must not contain '*' when allow-credentials is true"));
	}

	@Test
	void stoppingCompletesOpenSessionStreams() {
		this.runner.run((context) -> {
			McpSessionService service = context.getBean(McpSessionService.class);
			assertThat(context).hasSingleBean(McpSessionStreamsLifecycle.class);
			StepVerifier.create(service.attach(new McpSession("session-1", "2025-11-25", null, null, Instant.now())))
				.then(() -> context.getBean(McpSessionStreamsLifecycle.class).stop())
				.expectComplete()
				.verify(Duration.ofSeconds(5));
			StepVerifier.create(service.attach(new McpSession("session-2", "2025-11-25", null, null, Instant.now())))
				.expectComplete()
				.verify(Duration.ofSeconds(5));
		});
	}

	private static WebTestClient.ResponseSpec ping(WebTestClient client) {
		return client.post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM)
			.header(HttpHeaders.HOST, "localhost")
			.bodyValue("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")
			.exchange();
	}

}
