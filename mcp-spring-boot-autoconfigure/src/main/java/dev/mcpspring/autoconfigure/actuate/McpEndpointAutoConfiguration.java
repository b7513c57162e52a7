package dev.mcpspring.autoconfigure.actuate;

import dev.mcpspring.actuate.McpEndpoint;
import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.server.McpServerHandler;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code mcp} Actuator
 * endpoint, available once exposed, for example with
 * {@code management.endpoints.web.exposure.include=health,mcp}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = McpServerAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(McpServerHandler.class)
@ConditionalOnAvailableEndpoint(McpEndpoint.class)
public final class McpEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	McpEndpoint mcpEndpoint(McpServerHandler serverHandler) {
		return new McpEndpoint(serverHandler.getFeatures());
	}

}
