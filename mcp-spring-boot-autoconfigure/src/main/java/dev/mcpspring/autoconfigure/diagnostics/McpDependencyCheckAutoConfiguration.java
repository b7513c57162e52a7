package dev.mcpspring.autoconfigure.diagnostics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for failing startup when a property
 * turns on an MCP feature, such as API keys, OAuth token validation or the rate limit,
 * whose libraries are not on the classpath.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "mcp.server.enabled", matchIfMissing = true)
public final class McpDependencyCheckAutoConfiguration {

	@Bean
	static RequiredDependenciesCheck mcpRequiredDependenciesCheck(Environment environment) {
		return new RequiredDependenciesCheck(environment, FeatureRequirement.MCP_FEATURES);
	}

}
