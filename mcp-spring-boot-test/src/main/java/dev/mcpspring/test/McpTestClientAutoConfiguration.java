package dev.mcpspring.test;

import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.server.McpSessionService;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for an in-process
 * {@link McpTestClient}, a new one wherever it is injected, so that each test starts
 * without a session and without recorded notifications.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see AutoConfigureMcpTestClient
 */
@AutoConfiguration(after = McpServerAutoConfiguration.class)
@ConditionalOnBean({ McpSessionService.class, JsonRpcCodec.class })
public final class McpTestClientAutoConfiguration {

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	@ConditionalOnMissingBean
	McpTestClient mcpTestClient(McpSessionService sessionService, JsonRpcCodec codec) {
		return McpTestClient.inProcess(sessionService, codec);
	}

}
