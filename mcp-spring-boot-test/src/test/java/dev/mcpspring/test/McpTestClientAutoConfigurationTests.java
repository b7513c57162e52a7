package dev.mcpspring.test;

import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.server.McpSessionService;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link McpTestClientAutoConfiguration} provides a client.
 */
class McpTestClientAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(McpServerAutoConfiguration.class, McpTestClientAutoConfiguration.class));

	@Test
	void providesANewInProcessClientForEachInjection() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(McpTestClient.class);
			assertThat(context.getBean(McpTestClient.class)).isNotSameAs(context.getBean(McpTestClient.class));
			context.getBean(McpTestClient.class).listTools().isSuccess().hasResultAt("/tools", "[]");
		});
	}

	@Test
	void backsOffWhenTheApplicationDeclaresAClient() {
		this.runner.withUserConfiguration(OwnClientConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(McpTestClient.class);
			assertThat(context.getBean(McpTestClient.class)).isSameAs(context.getBean(McpTestClient.class));
		});
	}

	@Test
	void providesNoClientWithoutTheServer() {
		this.runner.withPropertyValues("mcp.server.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(McpTestClient.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnClientConfiguration {

		@Bean
		McpTestClient ownClient(McpSessionService sessionService, JsonRpcCodec codec) {
			return McpTestClient.inProcess(sessionService, codec);
		}

	}

}
