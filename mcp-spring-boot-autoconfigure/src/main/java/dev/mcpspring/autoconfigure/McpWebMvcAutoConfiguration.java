package dev.mcpspring.autoconfigure;

import dev.mcpspring.server.McpSessionService;
import dev.mcpspring.transport.webmvc.McpHttpHandlerServlet;
import jakarta.servlet.Servlet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.server.reactive.ServletHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the MCP HTTP transports in a
 * servlet web application, such as a Spring MVC application on Tomcat: the WebFlux routes
 * served through {@link McpHttpHandlerServlet} on the MCP paths.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = McpServerAutoConfiguration.class)
@ConditionalOnClass({ RouterFunction.class, ServletHttpHandlerAdapter.class, Servlet.class,
		ServletRegistrationBean.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(McpSessionService.class)
@ConditionalOnBooleanProperty(name = "mcp.server.transport.streamable-http.enabled", matchIfMissing = true)
@Import(McpHttpTransportConfiguration.class)
public final class McpWebMvcAutoConfiguration {

	/**
	 * Name of the servlet registration bean, which users may replace.
	 */
	public static final String SERVLET_REGISTRATION_BEAN_NAME = "mcpServletRegistration";

	@Bean(SERVLET_REGISTRATION_BEAN_NAME)
	@ConditionalOnMissingBean(name = SERVLET_REGISTRATION_BEAN_NAME)
	ServletRegistrationBean<McpHttpHandlerServlet> mcpServletRegistration(
			ObjectProvider<RouterFunction<ServerResponse>> routes, ObjectProvider<WebFilter> webFilters,
			McpServerProperties properties) {
		RouterFunction<ServerResponse> router = routes.orderedStream()
			.reduce(RouterFunction::and)
			.orElseThrow(() -> new IllegalStateException("No MCP routes to serve"));
		McpHttpHandlerServlet servlet = new McpHttpHandlerServlet(router, webFilters.orderedStream().toList());
		ServletRegistrationBean<McpHttpHandlerServlet> registration = new ServletRegistrationBean<>(servlet,
				McpLimitsAutoConfiguration.httpPaths(properties).toArray(String[]::new));
		registration.setName("mcp");
		registration.setAsyncSupported(true);
		registration.setLoadOnStartup(1);
		return registration;
	}

}
