package dev.mcpspring.autoconfigure.actuate;

import dev.mcpspring.actuate.McpEndpoint;
import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.server.ToolRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpEndpointAutoConfiguration}.
 */
class McpEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpServerAutoConfiguration.class, McpEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=mcp");

	@Test
	void createsEndpointWhenExposed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(McpEndpoint.class);
			assertThat(context.getBean(McpEndpoint.class).features().tools()).isEmpty();
		});
	}

	@Test
	void backsOffWhenNotExposed() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(McpServerAutoConfiguration.class, McpEndpointAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(McpEndpoint.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("management.endpoint.mcp.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(McpEndpoint.class));
	}

	@Test
	void backsOffWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(McpEndpoint.class));
	}

	@Test
	void backsOffWithoutServer() {
		this.contextRunner.withPropertyValues("mcp.server.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(McpEndpoint.class));
	}

	@Test
	void backsOffFromUserEndpoint() {
		McpEndpoint endpoint = new McpEndpoint(
				dev.mcpspring.server.McpServerHandler.builder(dev.mcpspring.model.Implementation.of("a", "1"))
					.toolRegistry(new ToolRegistry())
					.build()
					.getFeatures());
		this.contextRunner.withBean(McpEndpoint.class, () -> endpoint)
			.run((context) -> assertThat(context).getBean(McpEndpoint.class).isSameAs(endpoint));
	}

}
