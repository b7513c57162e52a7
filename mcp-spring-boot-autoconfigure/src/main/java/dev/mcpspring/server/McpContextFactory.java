package dev.mcpspring.server;

import java.util.function.BiFunction;

import dev.mcpspring.model.ReadResourceResult;
import dev.mcpspring.schema.JsonSchemaGenerator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates the {@link McpContext} of each request from the services it needs.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpContextFactory {

	private final JsonMapper jsonMapper;

	private final ClientRequests clientRequests;

	private final JsonSchemaGenerator schemaGenerator;

	private final BiFunction<String, McpRequest, Mono<ReadResourceResult>> resourceReader;

	private final SessionAttributeLimits sessionAttributeLimits;

	McpContextFactory(JsonMapper jsonMapper, ClientRequests clientRequests, JsonSchemaGenerator schemaGenerator,
			BiFunction<String, McpRequest, Mono<ReadResourceResult>> resourceReader,
			SessionAttributeLimits sessionAttributeLimits) {
		this.jsonMapper = jsonMapper;
		this.clientRequests = clientRequests;
		this.schemaGenerator = schemaGenerator;
		this.resourceReader = resourceReader;
		this.sessionAttributeLimits = sessionAttributeLimits;
	}

	/**
	 * Create the context of a request.
	 * @param request the request
	 * @return the context
	 */
	public McpContext create(McpRequest request) {
		return new DefaultMcpContext(request, this);
	}

	JsonMapper getJsonMapper() {
		return this.jsonMapper;
	}

	SessionAttributeLimits getSessionAttributeLimits() {
		return this.sessionAttributeLimits;
	}

	ClientRequests getClientRequests() {
		return this.clientRequests;
	}

	ObjectNode elicitationSchema(Class<?> type) {
		ObjectNode schema = this.schemaGenerator.generateOutputSchema(type).schema();
		schema.remove("$defs");
		return schema;
	}

	Mono<ReadResourceResult> readResource(String uri, McpRequest request) {
		return this.resourceReader.apply(uri, request);
	}

}
