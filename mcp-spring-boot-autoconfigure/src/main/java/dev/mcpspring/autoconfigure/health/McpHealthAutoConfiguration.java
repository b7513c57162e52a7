package dev.mcpspring.autoconfigure.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.mcpspring.actuate.McpServerHealthIndicator;
import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.autoconfigure.McpServerProperties;
import dev.mcpspring.autoconfigure.McpTransportProperties;
import dev.mcpspring.server.McpSessionService;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code mcp} health
 * indicator. Add it to the readiness group with
 * {@code management.endpoint.health.group.readiness.include=readinessState,mcp}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = McpServerAutoConfiguration.class, before = HealthContributorAutoConfiguration.class)
@ConditionalOnClass(ReactiveHealthIndicator.class)
@ConditionalOnBean(McpSessionService.class)
@ConditionalOnEnabledHealthIndicator("mcp")
public final class McpHealthAutoConfiguration {

	/**
	 * How long the session store may take to count sessions before the server is DOWN.
	 */
	static final Duration SESSION_COUNT_TIMEOUT = Duration.ofSeconds(2);

	private static final boolean servletPresent = ClassUtils.isPresent(
			"org.springframework.web.context.WebApplicationContext", McpHealthAutoConfiguration.class.getClassLoader());

	@Bean
	@ConditionalOnMissingBean(name = "mcpHealthIndicator")
	McpServerHealthIndicator mcpHealthIndicator(McpSessionService sessionService, McpServerProperties properties,
			ApplicationContext context) {
		return new McpServerHealthIndicator(sessionService,
				enabledTransports(properties.getTransport(), isWebApplication(context)), SESSION_COUNT_TIMEOUT);
	}

	/**
	 * Whether the HTTP transports can be served: a WebFlux application, or a servlet one
	 * such as a Spring MVC application.
	 */
	private static boolean isWebApplication(ApplicationContext context) {
		return context instanceof ReactiveWebApplicationContext
				|| (servletPresent && context instanceof org.springframework.web.context.WebApplicationContext);
	}

	static List<String> enabledTransports(McpTransportProperties transport, boolean web) {
		List<String> transports = new ArrayList<>();
		if (web && transport.getStreamableHttp().isEnabled()) {
			transports.add("streamable-http");
		}
		if (web && transport.getSse().isEnabled()) {
			transports.add("sse");
		}
		if (transport.getStdio().isEnabled()) {
			transports.add("stdio");
		}
		return transports;
	}

}
