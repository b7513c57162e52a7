package dev.mcpspring.autoconfigure.proxy;

import java.util.List;

import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.proxy.McpProxy;
import dev.mcpspring.server.McpServerHandler;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for proxies of the remote MCP
 * servers listed under {@code mcp.server.proxy.servers}, with the official MCP Java SDK
 * client ({@code io.modelcontextprotocol.sdk:mcp-core} and {@code mcp-json-jackson3}).
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = McpServerAutoConfiguration.class)
@ConditionalOnClass({ McpAsyncClient.class, JacksonMcpJsonMapper.class })
@ConditionalOnBean(McpServerHandler.class)
@EnableConfigurationProperties(McpProxyProperties.class)
public final class McpProxyAutoConfiguration {

	@Bean
	McpProxies mcpProxies(McpProxyProperties properties, McpServerHandler server, JsonRpcCodec codec) {
		JacksonMcpJsonMapper jsonMapper = new JacksonMcpJsonMapper(codec.getJsonMapper());
		List<McpProxy> proxies = UpstreamServers.from(properties, jsonMapper)
			.stream()
			.map((upstream) -> new McpProxy(upstream, server.getFeatures(), server.getContextFactory(),
					codec.getJsonMapper()))
			.toList();
		return new McpProxies(proxies);
	}

}
