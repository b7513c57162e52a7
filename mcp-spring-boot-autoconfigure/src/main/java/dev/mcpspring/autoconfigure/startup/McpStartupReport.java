package dev.mcpspring.autoconfigure.startup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.mcpspring.autoconfigure.McpServerProperties;
import dev.mcpspring.autoconfigure.diagnostics.NoMcpWebServerException;
import dev.mcpspring.model.ProtocolVersions;
import dev.mcpspring.server.McpServerFeatures;
import dev.mcpspring.server.McpSessionService;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Tells what the MCP server serves: once the application is ready, one {@code INFO} line
 * with the transports and their endpoints, the protocol revisions, whether sessions are
 * on and how many tools, resources, resource templates and prompts there are; once the
 * beans are created, a {@code WARN} with the fix when no transport serves the server, or
 * a {@link NoMcpWebServerException} when that is because no web server is on the
 * classpath. In a stdio application the log goes to standard error, never to standard
 * output.
 *
 * @author MCP Spring Boot team
 */
class McpStartupReport implements SmartInitializingSingleton, ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(McpStartupReport.class);

	private static final boolean servletPresent = ClassUtils
		.isPresent("org.springframework.web.context.WebApplicationContext", McpStartupReport.class.getClassLoader());

	private static final boolean webFluxPresent = ClassUtils.isPresent(
			"org.springframework.web.reactive.function.server.RouterFunction", McpStartupReport.class.getClassLoader());

	private static final String STDIO = "mcp.server.transport.stdio.enabled";

	private static final String STREAMABLE_HTTP = "mcp.server.transport.streamable-http.enabled";

	private final ApplicationContext context;

	private final McpSessionService sessionService;

	private final McpServerProperties properties;

	McpStartupReport(ApplicationContext context, McpSessionService sessionService, McpServerProperties properties) {
		Assert.notNull(context, "ApplicationContext is required");
		Assert.notNull(sessionService, "McpSessionService is required");
		Assert.notNull(properties, "McpServerProperties is required");
		this.context = context;
		this.sessionService = sessionService;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (ServedTransports.of(this.context, this.properties).isEmpty()) {
			if (lacksWebServer()) {
				throw new NoMcpWebServerException(this.properties.getName());
			}
			logger.warn("MCP server '" + this.properties.getName() + "' has no transport, so no client can reach it: "
					+ noTransportReason());
		}
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (event.getApplicationContext() != this.context) {
			return;
		}
		ServedTransports transports = ServedTransports.of(this.context, this.properties);
		if (!transports.isEmpty() && logger.isInfoEnabled()) {
			logger.info(readyMessage(transports));
		}
	}

	private String readyMessage(ServedTransports transports) {
		List<String> sessionRevisions = new ArrayList<>(ProtocolVersions.SUPPORTED);
		Collections.reverse(sessionRevisions);
		List<String> revisions = new ArrayList<>(ProtocolVersions.SUPPORTED_STATELESS);
		revisions.addAll(sessionRevisions);
		McpServerFeatures features = this.sessionService.getEngine().getFeatures();
		return "MCP server '" + this.properties.getName() + "' " + this.properties.getVersion() + " ready: "
				+ transports.describe(this.context.getEnvironment().getProperty("local.server.port"))
				+ "; protocol revisions " + String.join(", ", revisions) + "; sessions "
				+ (this.sessionService.isSessionsEnabled() ? "on" : "off") + "; "
				+ count(features.tools().getHandlers().size(), "tool") + ", "
				+ count(features.resources().getResources().getHandlers().size(), "resource") + ", "
				+ count(features.resources().getTemplates().getHandlers().size(), "resource template") + ", "
				+ count(features.prompts().getHandlers().size(), "prompt");
	}

	/**
	 * Whether Streamable HTTP is wanted but the application is not a web application,
	 * although nothing told it not to be one: no web server is on the classpath.
	 */
	private boolean lacksWebServer() {
		Environment environment = this.context.getEnvironment();
		return !(this.context instanceof ReactiveWebApplicationContext) && !isServletWebApplication()
				&& environment.getProperty(STREAMABLE_HTTP, Boolean.class, true)
				&& !"none".equalsIgnoreCase(environment.getProperty("spring.main.web-application-type"));
	}

	private boolean isServletWebApplication() {
		return servletPresent && this.context instanceof org.springframework.web.context.WebApplicationContext;
	}

	private String noTransportReason() {
		String stdio = "or set " + STDIO + "=true to serve it over standard input and output.";
		if (this.context instanceof ReactiveWebApplicationContext) {
			return STREAMABLE_HTTP + " is false. Set it to true to serve MCP over HTTP, " + stdio;
		}
		if (isServletWebApplication()) {
			return "this is a servlet web application and the MCP servlet is not registered" + (webFluxPresent
					? " (see the conditions of McpWebMvcAutoConfiguration, with --debug)"
					: ": it serves the Spring WebFlux handlers of MCP, so add org.springframework:spring-webflux")
					+ ", " + stdio;
		}
		return "this is not a web application. Add org.springframework.boot:spring-boot-starter-webflux to serve MCP "
				+ "over HTTP, " + stdio;
	}

	private static String count(int count, String noun) {
		return count + " " + noun + ((count != 1) ? "s" : "");
	}

}
