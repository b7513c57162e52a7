package dev.mcpspring.autoconfigure;

import dev.mcpspring.server.McpSessionService;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.function.server.RouterFunction;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the MCP Streamable HTTP
 * transport on Spring WebFlux.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = McpServerAutoConfiguration.class)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean(McpSessionService.class)
@ConditionalOnBooleanProperty(name = "mcp.server.transport.streamable-http.enabled", matchIfMissing = true)
@Import(McpHttpTransportConfiguration.class)
public final class McpWebFluxAutoConfiguration {

}
