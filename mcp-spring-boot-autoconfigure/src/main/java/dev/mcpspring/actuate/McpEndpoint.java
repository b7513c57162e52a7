package dev.mcpspring.actuate;

import java.util.List;

import dev.mcpspring.model.Prompt;
import dev.mcpspring.model.Resource;
import dev.mcpspring.model.ResourceTemplate;
import dev.mcpspring.model.Tool;
import dev.mcpspring.server.McpServerFeatures;
import dev.mcpspring.server.PromptHandler;
import dev.mcpspring.server.ResourceHandler;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.util.Assert;

/**
 * {@link Endpoint @Endpoint} that lists the enabled features of the MCP server as clients
 * see them, with their input and output schemas.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@Endpoint(id = "mcp")
public class McpEndpoint {

	private final McpServerFeatures features;

	/**
	 * Create an endpoint.
	 * @param features the registries of the server
	 */
	public McpEndpoint(McpServerFeatures features) {
		Assert.notNull(features, "McpServerFeatures is required");
		this.features = features;
	}

	/**
	 * Describe the features of the server.
	 * @return the tools, resources, resource templates and prompts
	 */
	@ReadOperation
	public McpFeaturesDescriptor features() {
		return new McpFeaturesDescriptor(this.features.tools().getTools(),
				this.features.resources()
					.getResources()
					.getHandlers()
					.stream()
					.map(ResourceHandler::getResource)
					.toList(),
				this.features.resources()
					.getTemplates()
					.getHandlers()
					.stream()
					.map(ResourceHandler::getResourceTemplate)
					.toList(),
				this.features.prompts().getHandlers().stream().map(PromptHandler::getPrompt).toList());
	}

	/**
	 * Description of the features of an MCP server.
	 *
	 * @param tools the tools, with input and output schemas
	 * @param resources the resources with a fixed URI
	 * @param resourceTemplates the resource templates
	 * @param prompts the prompts, with their arguments
	 */
	public record McpFeaturesDescriptor(List<Tool> tools, List<Resource> resources,
			List<ResourceTemplate> resourceTemplates, List<Prompt> prompts) implements OperationResponseBody {

	}

}
