package dev.mcpspring.openapi;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mcpspring.server.ToolRegistry;
import io.swagger.v3.oas.models.OpenAPI;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Reads every configured OpenAPI document at startup and registers its operations as
 * tools. A document that cannot be read, or a tool name already taken, fails startup.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class OpenApiToolRegistrar implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(OpenApiToolRegistrar.class);

	private final List<OpenApiSource> sources;

	private final OpenApiDocumentLoader loader;

	private final OpenApiToolFactory factory;

	private final ToolRegistry toolRegistry;

	/**
	 * Create a registrar.
	 * @param sources the documents to read
	 * @param loader reads the documents
	 * @param factory turns operations into tools
	 * @param toolRegistry where the tools are registered
	 */
	public OpenApiToolRegistrar(List<OpenApiSource> sources, OpenApiDocumentLoader loader, OpenApiToolFactory factory,
			ToolRegistry toolRegistry) {
		this.sources = List.copyOf(sources);
		this.loader = loader;
		this.factory = factory;
		this.toolRegistry = toolRegistry;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.sources.forEach(this::register);
	}

	private void register(OpenApiSource source) {
		OpenAPI openApi = this.loader.load(source);
		Map<OpenApiToolHandler, Set<String>> tools = this.factory.createTools(source, openApi);
		try {
			tools.forEach(this.toolRegistry::register);
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException(
					"Cannot register the tools of OpenAPI source '" + source.name() + "': " + ex.getMessage(), ex);
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Registered " + tools.size() + " tools of OpenAPI source '" + source.name() + "'");
		}
	}

}
