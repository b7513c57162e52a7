package dev.mcpspring.autoconfigure.observation;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.autoconfigure.McpServerProperties;
import dev.mcpspring.autoconfigure.McpTransportProperties;
import dev.mcpspring.observation.McpEndpointHttpObservationPredicate;
import dev.mcpspring.observation.McpServerMetrics;
import dev.mcpspring.observation.McpServerObservationConvention;
import dev.mcpspring.observation.ObservationMcpServerInterceptor;
import dev.mcpspring.observation.ToolTimeoutCounter;
import dev.mcpspring.server.McpServerHandler;
import dev.mcpspring.server.McpSessionService;
import dev.mcpspring.server.PromptRegistry;
import dev.mcpspring.server.ToolRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the observation of MCP requests
 * with Boot's {@link ObservationRegistry}, and for the MCP server gauges.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = McpServerAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean({ ObservationRegistry.class, McpServerHandler.class })
@EnableConfigurationProperties(McpObservationProperties.class)
public final class McpObservationAutoConfiguration {

	/**
	 * How long the session gauge waits for the session store.
	 */
	static final Duration SESSION_COUNT_TIMEOUT = Duration.ofSeconds(2);

	@Bean
	@ConditionalOnMissingBean
	ObservationMcpServerInterceptor mcpObservationInterceptor(ObservationRegistry observationRegistry,
			ToolRegistry toolRegistry, PromptRegistry promptRegistry,
			ObjectProvider<McpServerObservationConvention> convention) {
		return new ObservationMcpServerInterceptor(observationRegistry, toolRegistry, promptRegistry,
				convention.getIfAvailable());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		McpServerMetrics mcpServerMetrics(McpSessionService sessionService) {
			return new McpServerMetrics(sessionService.getRepository(), sessionService.getOpenStreams(),
					SESSION_COUNT_TIMEOUT);
		}

		@Bean
		@ConditionalOnMissingBean
		ToolTimeoutCounter mcpToolTimeoutCounter() {
			return new ToolTimeoutCounter();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ServerRequestObservationContext.class)
	@ConditionalOnWebApplication
	@ConditionalOnBooleanProperty(name = "mcp.server.observation.http-server-requests.enabled", havingValue = false)
	static class HttpServerRequestsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		McpEndpointHttpObservationPredicate mcpEndpointHttpObservationPredicate(McpServerProperties properties) {
			return new McpEndpointHttpObservationPredicate(mcpEndpointPaths(properties.getTransport()));
		}

		private static Set<String> mcpEndpointPaths(McpTransportProperties transport) {
			Set<String> paths = new LinkedHashSet<>();
			paths.add(transport.getStreamableHttp().getPath());
			if (transport.getSse().isEnabled()) {
				paths.add(transport.getSse().getPath());
				paths.add(transport.getSse().getMessagePath());
			}
			return paths;
		}

	}

}
