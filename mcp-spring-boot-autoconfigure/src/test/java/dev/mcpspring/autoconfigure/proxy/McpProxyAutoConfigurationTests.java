package dev.mcpspring.autoconfigure.proxy;

import java.time.Duration;

import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.autoconfigure.diagnostics.InvalidMcpPropertyException;
import dev.mcpspring.proxy.McpProxy;
import dev.mcpspring.proxy.UpstreamServer;
import dev.mcpspring.server.McpServerHandler;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class McpProxyAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(JacksonAutoConfiguration.class, McpServerAutoConfiguration.class, McpProxyAutoConfiguration.class));

	@Test
	void noServersNoProxies() {
		this.runner.run((context) -> assertThat(context.getBean(McpProxies.class).getProxies()).isEmpty());
	}

	@Test
	void eachTransportFromItsProperties() {
		this.runner
			.withPropertyValues("mcp.server.proxy.servers.weather.url=http://127.0.0.1:9/mcp?v=2",
					"mcp.server.proxy.servers.weather.request-timeout=5s",
					"mcp.server.proxy.servers.legacy.url=http://127.0.0.1:9/sse",
					"mcp.server.proxy.servers.legacy.transport=sse", "mcp.server.proxy.servers.legacy.prefix=",
					"mcp.server.proxy.servers.local.command=true", "mcp.server.proxy.servers.local.args=--version")
			.run((context) -> {
				assertThat(context.getBean(McpProxies.class).getProxies()).extracting(McpProxy::getUpstream)
					.satisfiesExactly((weather) -> {
						assertThat(weather.name()).isEqualTo("weather");
						assertThat(weather.prefix()).isEqualTo("weather");
						assertThat(weather.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
						assertThat(weather.transports().get()).isInstanceOf(HttpClientStreamableHttpTransport.class);
					}, (legacy) -> {
						assertThat(legacy.prefix()).isEmpty();
						assertThat(legacy.transports().get()).isInstanceOf(HttpClientSseClientTransport.class);
					}, (local) -> {
						assertThat(local.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
						assertThat(local.transports().get()).isInstanceOf(StdioClientTransport.class);
					});
			});
	}

	@Test
	void serverWithBothUrlAndCommandFailsStartup() {
		this.runner
			.withPropertyValues("mcp.server.proxy.servers.up.url=http://127.0.0.1:9/mcp",
					"mcp.server.proxy.servers.up.command=node")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidMcpPropertyException.class)
				.hasMessageContaining("'mcp.server.proxy.servers.up'")
				.hasMessageContaining("needs either a url or a command"));
	}

	@Test
	void transportThatDoesNotMatchFailsStartup() {
		this.runner
			.withPropertyValues("mcp.server.proxy.servers.up.url=http://127.0.0.1:9/mcp",
					"mcp.server.proxy.servers.up.transport=stdio")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'mcp.server.proxy.servers.up.transport' = 'STDIO': needs a command"));
	}

	@Test
	void relativeUrlFailsStartup() {
		this.runner.withPropertyValues("mcp.server.proxy.servers.up.url=/mcp")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(
						"'mcp.server.proxy.servers.up.url' = '/mcp': must be an absolute http or https URL"));
	}

	@Test
	void zeroTimeoutFailsStartup() {
		this.runner
			.withPropertyValues("mcp.server.proxy.servers.up.url=http://127.0.0.1:9/mcp",
					"mcp.server.proxy.servers.up.request-timeout=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'mcp.server.proxy.servers.up.request-timeout' = 'PT0S': must be positive"));
	}

	@Test
	void backsOffWithoutTheJavaSdkClient() {
		this.runner.withClassLoader(new FilteredClassLoader("io.modelcontextprotocol"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(McpServerHandler.class)
				.doesNotHaveBean(McpProxies.class));
	}

	@Test
	void upstreamServerNeedsAPositiveTimeout() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new UpstreamServer("up", "", () -> null, Duration.ZERO));
	}

}
