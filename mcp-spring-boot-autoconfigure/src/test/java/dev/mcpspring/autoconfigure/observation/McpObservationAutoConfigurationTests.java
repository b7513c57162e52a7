package dev.mcpspring.autoconfigure.observation;

import java.time.Duration;

import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.model.ProtocolVersions;
import dev.mcpspring.observation.DefaultMcpServerObservationConvention;
import dev.mcpspring.observation.McpServerMetrics;
import dev.mcpspring.observation.McpServerObservationConvention;
import dev.mcpspring.observation.ObservationMcpServerInterceptor;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpServerHandler;
import dev.mcpspring.server.PromptRegistry;
import dev.mcpspring.server.ToolRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpObservationAutoConfiguration}.
 */
class McpObservationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, McpServerAutoConfiguration.class,
				McpObservationAutoConfiguration.class));

	@Test
	void createsInterceptorAndMetrics() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ObservationMcpServerInterceptor.class);
			assertThat(context).hasSingleBean(McpServerMetrics.class);
		});
	}

	@Test
	void interceptorObservesRequestsOfTheEngine() {
		this.contextRunner.withBean(TestObservationRegistry.class, TestObservationRegistry::create).run((context) -> {
			context.getBean(McpServerHandler.class)
				.handle(new McpRequest(new JsonRpcRequest(JsonNodeFactory.instance.numberNode(1), "ping", null), null,
						ProtocolVersions.LATEST))
				.block(Duration.ofSeconds(5));
			TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
				.hasObservationWithNameEqualTo("mcp.server.operation")
				.that()
				.hasLowCardinalityKeyValue("mcp.method.name", "ping");
		});
	}

	@Test
	void backsOffWithoutObservationRegistryClass() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ObservationMcpServerInterceptor.class)
				.doesNotHaveBean(McpServerMetrics.class));
	}

	@Test
	void backsOffWithoutObservationRegistryBean() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(McpServerAutoConfiguration.class, McpObservationAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ObservationMcpServerInterceptor.class));
	}

	@Test
	void backsOffWhenServerIsDisabled() {
		this.contextRunner.withPropertyValues("mcp.server.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ObservationMcpServerInterceptor.class));
	}

	@Test
	void backsOffFromUserInterceptor() {
		ObservationMcpServerInterceptor interceptor = new ObservationMcpServerInterceptor(ObservationRegistry.NOOP,
				new ToolRegistry(), new PromptRegistry(), null);
		this.contextRunner.withBean("myInterceptor", ObservationMcpServerInterceptor.class, () -> interceptor)
			.run((context) -> assertThat(context).getBean(ObservationMcpServerInterceptor.class).isSameAs(interceptor));
	}

	@Test
	void usesUserConvention() {
		this.contextRunner.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.withBean(McpServerObservationConvention.class, () -> new DefaultMcpServerObservationConvention("custom"))
			.run((context) -> {
				context.getBean(McpServerHandler.class)
					.handle(new McpRequest(new JsonRpcRequest(JsonNodeFactory.instance.numberNode(1), "ping", null),
							null, ProtocolVersions.LATEST))
					.block(Duration.ofSeconds(5));
				TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
					.hasObservationWithNameEqualTo("custom");
			});
	}

	@Test
	void metricsBackOffWithoutMicrometerCore() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterBinder.class))
			.run((context) -> assertThat(context).hasSingleBean(ObservationMcpServerInterceptor.class)
				.doesNotHaveBean(McpServerMetrics.class));
	}

}
