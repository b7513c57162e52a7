package dev.mcpspring.autoconfigure;

import dev.mcpspring.transport.webflux.RequestReadTimeouts;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.Assert;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the deadlines of reading
 * requests on the Reactor Netty server, against clients that hold connections by sending
 * their requests slowly. Applied after the application's own
 * {@link NettyServerCustomizer} beans, whose request or read timeout is kept.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(before = NettyReactiveWebServerAutoConfiguration.class)
@ConditionalOnClass({ HttpServer.class, NettyServerCustomizer.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBooleanProperty(name = "mcp.server.enabled", matchIfMissing = true)
@EnableConfigurationProperties(McpServerProperties.class)
public final class McpRequestTimeoutsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "mcpRequestTimeoutsCustomizer")
	@Order(Ordered.LOWEST_PRECEDENCE)
	NettyServerCustomizer mcpRequestTimeoutsCustomizer(McpServerProperties properties) {
		McpLimitsProperties limits = properties.getLimits();
		Assert.state(!limits.getRequestHeaderTimeout().isNegative(),
				"mcp.server.limits.request-header-timeout must not be negative");
		Assert.state(!limits.getRequestBodyTimeout().isNegative(),
				"mcp.server.limits.request-body-timeout must not be negative");
		RequestReadTimeouts timeouts = new RequestReadTimeouts(limits.getRequestHeaderTimeout(),
				limits.getRequestBodyTimeout());
		return timeouts::apply;
	}

}
