package dev.mcpspring.autoconfigure.startup;

import dev.mcpspring.autoconfigure.McpLoggingProperties;
import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.autoconfigure.McpServerProperties;
import dev.mcpspring.autoconfigure.McpWebFluxAutoConfiguration;
import dev.mcpspring.autoconfigure.McpWebMvcAutoConfiguration;
import dev.mcpspring.autoconfigure.stdio.McpStdioAutoConfiguration;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.server.McpInterceptorOrder;
import dev.mcpspring.server.McpSessionService;
import dev.mcpspring.server.logging.TrafficLoggingInterceptor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the diagnostics of a running MCP
 * server: the startup report, the warning when no transport serves it, and the opt-in
 * traffic log.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = { McpServerAutoConfiguration.class, McpWebFluxAutoConfiguration.class,
		McpWebMvcAutoConfiguration.class, McpStdioAutoConfiguration.class })
@ConditionalOnBean(McpSessionService.class)
@ConditionalOnBooleanProperty(name = "mcp.server.enabled", matchIfMissing = true)
public final class McpDiagnosticsAutoConfiguration {

	@Bean
	McpStartupReport mcpStartupReport(ApplicationContext context, McpSessionService sessionService,
			McpServerProperties properties) {
		return new McpStartupReport(context, sessionService, properties);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("mcp.server.logging.traffic")
	static class TrafficLoggingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@Order(McpInterceptorOrder.TRAFFIC_LOGGING)
		TrafficLoggingInterceptor mcpTrafficLoggingInterceptor(McpServerProperties properties, JsonRpcCodec codec) {
			McpLoggingProperties logging = properties.getLogging();
			return new TrafficLoggingInterceptor(codec.getJsonMapper(), logging.getRedactedNames(),
					logging.getMaxPayloadLength());
		}

	}

}
