package dev.mcpspring.autoconfigure.stdio;

import java.time.Duration;

import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.autoconfigure.McpServerProperties;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.server.McpSessionService;
import dev.mcpspring.transport.stdio.StdioMcpTransport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the MCP stdio transport.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = McpServerAutoConfiguration.class)
@ConditionalOnBean(McpSessionService.class)
@ConditionalOnBooleanProperty("mcp.server.transport.stdio.enabled")
public final class McpStdioAutoConfiguration {

	/**
	 * How long the end of input waits for the answers of requests read before it.
	 */
	private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

	@Bean
	@ConditionalOnMissingBean
	StdioMcpTransport mcpStdioTransport(McpSessionService sessionService, JsonRpcCodec codec,
			ConfigurableApplicationContext context, McpServerProperties properties) {
		return new StdioMcpTransport(sessionService, codec, System.in, System.out, () -> exit(context),
				(int) properties.getLimits().getMaxRequestSize().toBytes(), DRAIN_TIMEOUT);
	}

	private static void exit(ConfigurableApplicationContext context) {
		Thread exit = new Thread(() -> System.exit(SpringApplication.exit(context)), "mcp-stdio-exit");
		exit.start();
	}

}
