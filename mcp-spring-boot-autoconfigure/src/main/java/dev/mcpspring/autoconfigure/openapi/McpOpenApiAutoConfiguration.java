package dev.mcpspring.autoconfigure.openapi;

import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.openapi.OpenApiDocumentLoader;
import dev.mcpspring.openapi.OpenApiToolFactory;
import dev.mcpspring.openapi.OpenApiToolRegistrar;
import dev.mcpspring.server.ToolRegistry;
import io.netty.channel.ChannelOption;
import io.swagger.parser.OpenAPIParser;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for remote OpenAPI documents whose
 * operations become tools ({@code mcp.server.openapi.sources.*}).
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = McpServerAutoConfiguration.class)
@ConditionalOnClass({ OpenAPIParser.class, WebClient.class })
@ConditionalOnBean(ToolRegistry.class)
@ConditionalOnBooleanProperty(name = "mcp.server.enabled", matchIfMissing = true)
@Conditional(OnOpenApiSourcesCondition.class)
@EnableConfigurationProperties(McpOpenApiProperties.class)
public final class McpOpenApiAutoConfiguration {

	private static final boolean reactorNettyPresent = ClassUtils.isPresent("reactor.netty.http.client.HttpClient",
			McpOpenApiAutoConfiguration.class.getClassLoader());

	@Bean
	@ConditionalOnMissingBean
	OpenApiDocumentLoader mcpOpenApiDocumentLoader(ResourceLoader resourceLoader) {
		return new OpenApiDocumentLoader(resourceLoader);
	}

	@Bean
	@ConditionalOnMissingBean
	OpenApiToolFactory mcpOpenApiToolFactory(McpOpenApiProperties properties,
			ObjectProvider<WebClient.Builder> webClientBuilder, JsonRpcCodec codec) {
		WebClient.Builder builder = webClientBuilder.getIfAvailable(WebClient::builder);
		if (reactorNettyPresent) {
			builder.clientConnector(ReactorConnector.create(properties));
		}
		return new OpenApiToolFactory(builder.build(), codec.getJsonMapper());
	}

	@Bean
	@ConditionalOnMissingBean
	OpenApiToolRegistrar mcpOpenApiToolRegistrar(McpOpenApiProperties properties, OpenApiDocumentLoader loader,
			OpenApiToolFactory factory, ToolRegistry toolRegistry) {
		return new OpenApiToolRegistrar(OpenApiSources.from(properties), loader, factory, toolRegistry);
	}

	/**
	 * Reactor Netty connector with the connect timeout, in its own class so that Netty is
	 * loaded only when present.
	 */
	private static final class ReactorConnector {

		static ReactorClientHttpConnector create(McpOpenApiProperties properties) {
			int connectTimeout = Math.toIntExact(properties.getConnectTimeout().toMillis());
			return new ReactorClientHttpConnector(
					HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeout));
		}

	}

}
