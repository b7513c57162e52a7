package dev.mcpspring.autoconfigure.rest;

import java.util.List;
import java.util.Locale;

import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.rest.EndpointSelection;
import dev.mcpspring.rest.RestEndpointToolDetector;
import dev.mcpspring.schema.JsonSchemaGenerator;
import dev.mcpspring.server.ResourceRegistry;
import dev.mcpspring.server.ToolRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the application's own WebFlux
 * REST endpoints as MCP tools ({@code @McpExposed} and {@code mcp.server.rest.*}).
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = McpServerAutoConfiguration.class)
@ConditionalOnClass(RequestMappingHandlerMapping.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean(ToolRegistry.class)
@ConditionalOnBooleanProperty(name = "mcp.server.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "mcp.server.rest.enabled", matchIfMissing = true)
@EnableConfigurationProperties(McpRestProperties.class)
public final class McpRestEndpointsAutoConfiguration {

	/**
	 * Boot's base path of a WebFlux application, which its {@code HttpHandler} expects
	 * ahead of every handler mapping's path.
	 */
	private static final String BASE_PATH_PROPERTY = "spring.webflux.base-path";

	@Bean
	@ConditionalOnMissingBean
	RestEndpointToolDetector mcpRestEndpointToolDetector(McpRestProperties properties,
			ObjectProvider<RequestMappingHandlerMapping> handlerMappings, ObjectProvider<HttpHandler> httpHandler,
			JsonSchemaGenerator schemaGenerator, ToolRegistry toolRegistry, ResourceRegistry resourceRegistry,
			JsonRpcCodec codec, Environment environment) {
		RestEndpointToolDetector detector = new RestEndpointToolDetector(() -> handlerMappings.orderedStream().toList(),
				selection(properties), schemaGenerator, toolRegistry, resourceRegistry,
				SingletonSupplier.of(httpHandler::getObject), codec.getJsonMapper());
		detector.setBasePath(environment.getProperty(BASE_PATH_PROPERTY, ""));
		detector.setResourcePaths(properties.getResources().getPaths());
		detector.setResourceBaseUri(properties.getResources().getBaseUri());
		return detector;
	}

	private static EndpointSelection selection(McpRestProperties properties) {
		return new EndpointSelection(upperCase(properties.getInclude().getMethods()),
				List.copyOf(properties.getInclude().getPaths()), upperCase(properties.getExclude().getMethods()),
				List.copyOf(properties.getExclude().getPaths()));
	}

	private static List<String> upperCase(List<String> methods) {
		return methods.stream().map((method) -> method.toUpperCase(Locale.ROOT)).toList();
	}

}
