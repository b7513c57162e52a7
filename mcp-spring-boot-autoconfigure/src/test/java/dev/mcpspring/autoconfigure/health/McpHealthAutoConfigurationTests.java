package dev.mcpspring.autoconfigure.health;

import java.time.Duration;
import java.util.List;

import dev.mcpspring.actuate.McpServerHealthIndicator;
import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.server.McpServerHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpHealthAutoConfiguration}.
 */
class McpHealthAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpServerAutoConfiguration.class, McpHealthAutoConfiguration.class));

	@Test
	void createsHealthIndicator() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(McpServerHealthIndicator.class)
			.hasBean("mcpHealthIndicator"));
	}

	@Test
	void listsStreamableHttpInReactiveWebApplication() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(McpServerAutoConfiguration.class, McpHealthAutoConfiguration.class))
			.withPropertyValues("mcp.server.transport.sse.enabled=true")
			.run((context) -> {
				Health health = context.getBean(McpServerHealthIndicator.class).health().block(Duration.ofSeconds(5));
				assertThat(health.getDetails()).containsEntry("transports", List.of("streamable-http", "sse"));
			});
	}

	@Test
	void backsOffWhenHealthIndicatorIsDisabled() {
		this.contextRunner.withPropertyValues("management.health.mcp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(McpServerHealthIndicator.class));
	}

	@Test
	void backsOffWhenDefaultHealthIndicatorsAreDisabled() {
		this.contextRunner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(McpServerHealthIndicator.class));
	}

	@Test
	void backsOffWithoutHealthClasses() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ReactiveHealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(McpServerHealthIndicator.class));
	}

	@Test
	void backsOffWithoutServer() {
		this.contextRunner.withPropertyValues("mcp.server.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(McpServerHandler.class)
				.doesNotHaveBean(McpServerHealthIndicator.class));
	}

	@Test
	void backsOffFromUserIndicator() {
		this.contextRunner.withBean("mcpHealthIndicator", ReactiveHealthIndicator.class, () -> () -> null)
			.run((context) -> assertThat(context).doesNotHaveBean(McpServerHealthIndicator.class)
				.hasBean("mcpHealthIndicator"));
	}

}
