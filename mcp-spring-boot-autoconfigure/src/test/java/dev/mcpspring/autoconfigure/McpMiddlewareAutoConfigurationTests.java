package dev.mcpspring.autoconfigure;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mcpspring.autoconfigure.diagnostics.McpDependencyCheckAutoConfiguration;
import dev.mcpspring.autoconfigure.diagnostics.MissingDependencyException;
import dev.mcpspring.server.McpServerHandler;
import dev.mcpspring.server.McpServerInterceptor;
import dev.mcpspring.server.ResponseCacheInterceptor;
import dev.mcpspring.server.ToolRateLimitInterceptor;
import dev.mcpspring.security.ReactiveSecurityContextInterceptor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpMiddlewareAutoConfiguration} and {@link McpMiddlewareProperties}.
 *
 * @author MCP Spring Boot team
 */
class McpMiddlewareAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(JacksonAutoConfiguration.class, McpServerAutoConfiguration.class, McpMiddlewareAutoConfiguration.class));

	@Test
	void nothingByDefault() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ToolRateLimitInterceptor.class)
			.doesNotHaveBean(ResponseCacheInterceptor.class)
			.getBean(McpMiddlewareProperties.class)
			.satisfies((properties) -> {
				assertThat(properties.isMaskErrorDetails()).isTrue();
				assertThat(properties.getCache().getTtl()).isEqualTo(Duration.ofMinutes(1));
				assertThat(properties.getCache().getScope()).isEqualTo(ResponseCacheInterceptor.Scope.SESSION);
			}));
	}

	@Test
	void rateLimitsFromProperties() {
		this.runner
			.withPropertyValues("mcp.server.middleware.rate-limits.search.limit=5",
					"mcp.server.middleware.rate-limits[weather.forecast].limit=1",
					"mcp.server.middleware.rate-limits[weather.forecast].period=10s",
					"mcp.server.middleware.rate-limits[weather.forecast].per-principal=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(ToolRateLimitInterceptor.class);
				McpMiddlewareProperties.RateLimit forecast = context.getBean(McpMiddlewareProperties.class)
					.getRateLimits()
					.get("weather.forecast");
				assertThat(forecast.getPeriod()).isEqualTo(Duration.ofSeconds(10));
				assertThat(forecast.isPerPrincipal()).isTrue();
				assertThat(context.getBean(McpServerHandler.class).getInterceptors())
					.contains(context.getBean(ToolRateLimitInterceptor.class));
			});
	}

	@Test
	void rateLimitWithoutLimitFailsStartup() {
		this.runner.withPropertyValues("mcp.server.middleware.rate-limits.search.period=1m")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("mcp.server.middleware.rate-limits[search].limit must be positive"));
	}

	@Test
	void cacheFromProperty() {
		this.runner
			.withPropertyValues("mcp.server.middleware.cache.enabled=true",
					"mcp.server.middleware.cache.scope=principal")
			.run((context) -> assertThat(context).hasSingleBean(ResponseCacheInterceptor.class));
	}

	@Test
	void cacheWithoutCaffeineFailsStartup() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, McpServerAutoConfiguration.class,
					McpMiddlewareAutoConfiguration.class, McpDependencyCheckAutoConfiguration.class))
			.withPropertyValues("mcp.server.middleware.cache.enabled=true")
			.withClassLoader(new FilteredClassLoader(Caffeine.class))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(MissingDependencyException.class)
				.hasMessageContaining("com.github.ben-manes.caffeine:caffeine"));
	}

	@Test
	void userInterceptorsAreOrderedAroundBuiltInOnes() {
		McpServerInterceptor user = (request, chain) -> chain.next(request);
		this.runner
			.withPropertyValues("mcp.server.middleware.cache.enabled=true",
					"mcp.server.middleware.rate-limits.search.limit=5")
			.withBean("user", McpServerInterceptor.class, () -> user)
			.run((context) -> assertThat(context.getBean(McpServerHandler.class).getInterceptors()).containsExactly(
					context.getBean(ReactiveSecurityContextInterceptor.class),
					context.getBean(ToolRateLimitInterceptor.class), context.getBean(ResponseCacheInterceptor.class),
					user));
	}

}
