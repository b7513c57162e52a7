package dev.mcpspring.autoconfigure;

import java.time.Duration;
import java.util.Base64;

import dev.mcpspring.autoconfigure.diagnostics.InvalidMcpPropertyException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that invalid {@link McpServerProperties} fail startup with an
 * {@link InvalidMcpPropertyException} naming the property, instead of an
 * {@link IllegalArgumentException} from deep inside a bean method.
 */
class McpServerPropertiesValidationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebFluxAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, McpServerAutoConfiguration.class, McpWebFluxAutoConfiguration.class,
				McpLimitsAutoConfiguration.class));

	@Test
	void defaultsAreValid() {
		this.runner.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void pageSizeMustBePositive() {
		this.runner.withPropertyValues("mcp.server.page-size=0")
			.run(failsOn("mcp.server.page-size", 0, "must be positive"));
	}

	@Test
	void clientRequestTimeoutMustBePositive() {
		this.runner.withPropertyValues("mcp.server.client-request-timeout=-1s")
			.run(failsOn("mcp.server.client-request-timeout", Duration.ofSeconds(-1), "must be positive"));
	}

	@Nested
	class Logging {

		@Test
		void maxPayloadLengthMustBePositive() {
			McpServerPropertiesValidationTests.this.runner.withPropertyValues("mcp.server.logging.max-payload-length=0")
				.run(failsOn("mcp.server.logging.max-payload-length", 0, "must be positive"));
		}

	}

	@Nested
	class Session {

		@Test
		void maxSessionsMustBePositive() {
			McpServerPropertiesValidationTests.this.runner.withPropertyValues("mcp.server.session.max-sessions=0")
				.run(failsOn("mcp.server.session.max-sessions", 0, "must be positive"));
		}

		@Test
		void idleTimeoutMustBePositive() {
			McpServerPropertiesValidationTests.this.runner.withPropertyValues("mcp.server.session.idle-timeout=0s")
				.run(failsOn("mcp.server.session.idle-timeout", Duration.ZERO, "must be positive"));
		}

	}

	@Nested
	class Stateless {

		@Test
		void requestStateKeyMustBeBase64WithoutShowingIt() {
			McpServerPropertiesValidationTests.this.runner
				.withPropertyValues("mcp.server.stateless.request-state-keys.k1=not base64 at all!")
				.run((context) -> {
					failsOn("mcp.server.stateless.request-state-keys.k1", null, "must be Base64").accept(context);
					assertThat(context.getStartupFailure()).rootCause().hasMessageNotContaining("not base64 at all!");
				});
		}

		@Test
		void requestStateKeyMustHave32Bytes() {
			String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
			McpServerPropertiesValidationTests.this.runner
				.withPropertyValues("mcp.server.stateless.request-state-keys.k1=" + shortKey)
				.run(failsOn("mcp.server.stateless.request-state-keys.k1", null,
						"must decode to at least 32 bytes, not 16"));
		}

		@Test
		void validRequestStateKeyIsAccepted() {
			McpServerPropertiesValidationTests.this.runner
				.withPropertyValues("mcp.server.stateless.request-state-keys.k1="
						+ Base64.getEncoder().encodeToString(new byte[32]))
				.run((context) -> assertThat(context).hasNotFailed());
		}

		@Test
		void requestStateTtlMustBePositive() {
			McpServerPropertiesValidationTests.this.runner
				.withPropertyValues("mcp.server.stateless.request-state-ttl=0s")
				.run(failsOn("mcp.server.stateless.request-state-ttl", Duration.ZERO, "must be positive"));
		}

		@Test
		void listTtlMustNotBeNegative() {
			McpServerPropertiesValidationTests.this.runner.withPropertyValues("mcp.server.stateless.list-ttl=-1s")
				.run(failsOn("mcp.server.stateless.list-ttl", Duration.ofSeconds(-1), "must not be negative"));
		}

	}

	@Nested
	class Limits {

		@Test
		void maxRequestSizeMustBePositive() {
			McpServerPropertiesValidationTests.this.runner.withPropertyValues("mcp.server.limits.max-request-size=0")
				.run(failsOn("mcp.server.limits.max-request-size", DataSize.ofBytes(0),
						"must be at least 1B and below 2GB"));
		}

		@Test
		void maxRequestSizeMustFitAnInt() {
			McpServerPropertiesValidationTests.this.runner.withPropertyValues("mcp.server.limits.max-request-size=3GB")
				.run(failsOn("mcp.server.limits.max-request-size", DataSize.ofGigabytes(3),
						"must be at least 1B and below 2GB"));
		}

		@Test
		void maxConcurrentToolCallsMustBePositive() {
			McpServerPropertiesValidationTests.this.runner
				.withPropertyValues("mcp.server.limits.max-concurrent-tool-calls=0")
				.run(failsOn("mcp.server.limits.max-concurrent-tool-calls", 0, "must be positive"));
		}

		@Test
		void maxPendingStreamEventsMustBePositive() {
			McpServerPropertiesValidationTests.this.runner
				.withPropertyValues("mcp.server.limits.max-pending-stream-events=0")
				.run(failsOn("mcp.server.limits.max-pending-stream-events", 0, "must be positive"));
		}

		@Test
		void streamWriteTimeoutMustBePositive() {
			McpServerPropertiesValidationTests.this.runner
				.withPropertyValues("mcp.server.limits.stream-write-timeout=0s")
				.run(failsOn("mcp.server.limits.stream-write-timeout", Duration.ZERO, "must be positive"));
		}

		@Test
		void rateLimitCapacityMustBePositive() {
			McpServerPropertiesValidationTests.this.runner
				.withPropertyValues("mcp.server.limits.rate-limit.enabled=true",
						"mcp.server.limits.rate-limit.capacity=0")
				.run(failsOn("mcp.server.limits.rate-limit.capacity", 0L, "must be positive"));
		}

		@Test
		void rateLimitPeriodMustBePositive() {
			McpServerPropertiesValidationTests.this.runner
				.withPropertyValues("mcp.server.limits.rate-limit.enabled=true",
						"mcp.server.limits.rate-limit.period=0s")
				.run(failsOn("mcp.server.limits.rate-limit.period", Duration.ZERO, "must be positive"));
		}

		@Test
		void rateLimitMaxClientsMustBePositive() {
			McpServerPropertiesValidationTests.this.runner
				.withPropertyValues("mcp.server.limits.rate-limit.enabled=true",
						"mcp.server.limits.rate-limit.max-clients=-5")
				.run(failsOn("mcp.server.limits.rate-limit.max-clients", -5, "must be positive"));
		}

	}

	@Nested
	class Transport {

		@Test
		void pathMustStartWithSlash() {
			McpServerPropertiesValidationTests.this.runner
				.withPropertyValues("mcp.server.transport.streamable-http.path=mcp")
				.run(failsOn("mcp.server.transport.streamable-http.path", "mcp", PATH_REASON));
		}

		@Test
		void pathMustNotBeAPattern() {
			McpServerPropertiesValidationTests.this.runner
				.withPropertyValues("mcp.server.transport.streamable-http.path=/mcp/**")
				.run(failsOn("mcp.server.transport.streamable-http.path", "/mcp/**", PATH_REASON));
		}

		@Test
		void ssePathMustBeLiteral() {
			McpServerPropertiesValidationTests.this.runner
				.withPropertyValues("mcp.server.transport.sse.enabled=true", "mcp.server.transport.sse.path=/sse/{id}")
				.run(failsOn("mcp.server.transport.sse.path", "/sse/{id}", PATH_REASON));
		}

		@Test
		void ssePathsMustDifferFromStreamableHttpPath() {
			McpServerPropertiesValidationTests.this.runner
				.withPropertyValues("mcp.server.transport.sse.enabled=true",
						"mcp.server.transport.sse.message-path=/mcp")
				.run(failsOn("mcp.server.transport.sse.message-path", "/mcp",
						"must differ from mcp.server.transport.streamable-http.path"));
		}

		@Test
		void keepAliveIntervalMustBePositive() {
			McpServerPropertiesValidationTests.this.runner
				.withPropertyValues("mcp.server.transport.streamable-http.keep-alive-interval=0s")
				.run(failsOn("mcp.server.transport.streamable-http.keep-alive-interval", Duration.ZERO,
						"must be positive"));
		}

		@Test
		void replayEventsMustNotBeNegative() {
			McpServerPropertiesValidationTests.this.runner
				.withPropertyValues("mcp.server.transport.streamable-http.replay-events=-1")
				.run(failsOn("mcp.server.transport.streamable-http.replay-events", -1, "must not be negative"));
		}

		@Test
		void eventLoopThreadsMustBePositive() {
			McpServerPropertiesValidationTests.this.runner
				.withPropertyValues("mcp.server.transport.event-loop-threads=0")
				.run(failsOn("mcp.server.transport.event-loop-threads", 0, "must be positive"));
		}

		@Test
		void corsWildcardNeedsNoCredentials() {
			McpServerPropertiesValidationTests.this.runner
				.withPropertyValues("mcp.server.transport.cors.allowed-origins=*",
						"mcp.server.transport.cors.allow-credentials=true")
				.run(failsOn("mcp.server.transport.cors.allowed-origins", "*",
						"must not contain '*' when allow-credentials is true"));
		}

	}

	private static final String PATH_REASON = "must be a literal path that starts with '/', "
			+ "without wildcards, variables, query, fragment or spaces";

	private static ContextConsumer<AssertableReactiveWebApplicationContext> failsOn(String property, Object value,
			String reason) {
		return (context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.isInstanceOfSatisfying(InvalidMcpPropertyException.class, (ex) -> {
				assertThat(ex.getProperty()).isEqualTo(property);
				assertThat(ex.getValue()).isEqualTo(value);
				assertThat(ex.getReason()).isEqualTo(reason);
				assertThat(ex.getAction()).contains(property);
			});
	}

}
