package dev.mcpspring.autoconfigure.stdio;

import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.server.McpServerHandler;
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
@ConditionalOnBean(McpServerHandler.class)
@ConditionalOnBooleanProperty("mcp.server.transport.stdio.enabled")
public final class McpStdioAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	StdioMcpTransport mcpStdioTransport(McpServerHandler serverHandler, JsonRpcCodec codec,
			ConfigurableApplicationContext context) {
		return new StdioMcpTransport(serverHandler, codec, System.in, System.out, () -> exit(context));
	}

	private static void exit(ConfigurableApplicationContext context) {
		Thread exit = new Thread(() -> System.exit(SpringApplication.exit(context)), "mcp-stdio-exit");
		exit.start();
	}

}
