package dev.mcpspring.autoconfigure;

import dev.mcpspring.transport.webflux.McpStreamableHttpHandler;
import dev.mcpspring.transport.webmvc.McpHttpHandlerServlet;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.web.reactive.function.server.RouterFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpWebMvcAutoConfiguration}.
 *
 * @author MCP Spring Boot team
 */
class McpWebMvcAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(JacksonAutoConfiguration.class,
			McpServerAutoConfiguration.class, McpWebMvcAutoConfiguration.class);

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	@Test
	void registersTheMcpServletOnTheStreamableHttpPath() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(McpStreamableHttpHandler.class);
			ServletRegistrationBean<?> registration = registration(context
				.getBean(McpWebMvcAutoConfiguration.SERVLET_REGISTRATION_BEAN_NAME, ServletRegistrationBean.class));
			assertThat(registration.getServlet()).isInstanceOf(McpHttpHandlerServlet.class);
			assertThat(registration.getUrlMappings()).containsExactly("/mcp");
			assertThat(registration.isAsyncSupported()).isTrue();
		});
	}

	@Test
	void mapsTheLegacySsePathsWhenEnabled() {
		this.contextRunner
			.withPropertyValues("mcp.server.transport.streamable-http.path=/api/mcp",
					"mcp.server.transport.sse.enabled=true")
			.run((context) -> assertThat(
					registration(context.getBean(McpWebMvcAutoConfiguration.SERVLET_REGISTRATION_BEAN_NAME,
							ServletRegistrationBean.class))
						.getUrlMappings())
				.containsExactly("/api/mcp", "/sse", "/mcp/message"));
	}

	@Test
	void backsOffWhenStreamableHttpIsOff() {
		this.contextRunner.withPropertyValues("mcp.server.transport.streamable-http.enabled=false")
			.run((context) -> assertThat(context)
				.doesNotHaveBean(McpWebMvcAutoConfiguration.SERVLET_REGISTRATION_BEAN_NAME)
				.doesNotHaveBean(McpStreamableHttpHandler.class));
	}

	@Test
	void backsOffWithoutWebFlux() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(RouterFunction.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(McpWebMvcAutoConfiguration.SERVLET_REGISTRATION_BEAN_NAME));
	}

	@Test
	void doesNotApplyToAReactiveApplication() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.run((context) -> assertThat(context)
				.doesNotHaveBean(McpWebMvcAutoConfiguration.SERVLET_REGISTRATION_BEAN_NAME)
				.doesNotHaveBean(McpStreamableHttpHandler.class));
	}

	@Test
	void userRegistrationReplacesOurs() {
		this.contextRunner
			.withBean(McpWebMvcAutoConfiguration.SERVLET_REGISTRATION_BEAN_NAME, ServletRegistrationBean.class,
					ServletRegistrationBean::new)
			.run((context) -> assertThat(
					registration(context.getBean(McpWebMvcAutoConfiguration.SERVLET_REGISTRATION_BEAN_NAME,
							ServletRegistrationBean.class))
						.getServlet())
				.isNull());
	}

	private static ServletRegistrationBean<?> registration(ServletRegistrationBean<?> bean) {
		return bean;
	}

}
