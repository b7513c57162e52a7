package dev.mcpspring.rest;

import java.util.List;

import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.model.ReadResourceResult;
import dev.mcpspring.model.Resource;
import dev.mcpspring.model.ResourceTemplate;
import dev.mcpspring.model.TextResourceContents;
import dev.mcpspring.server.McpException;
import dev.mcpspring.server.ResourceHandler;
import dev.mcpspring.server.ResourceRead;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * A resource, or a resource template when the path has variables, read from one of the
 * application's own {@code GET} endpoints through its {@code HttpHandler}, in-process and
 * as the MCP caller. A 2xx answer is the content, with the answer's media type; a
 * {@code 404} is an unknown resource; any other status is an error naming it.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class RestEndpointResourceHandler implements ResourceHandler {

	private final @Nullable Resource resource;

	private final @Nullable ResourceTemplate template;

	private final RestEndpoint endpoint;

	private final InProcessExchange exchange;

	RestEndpointResourceHandler(String uri, String name, String description, RestEndpoint endpoint,
			InProcessExchange exchange) {
		boolean templated = !endpoint.pathVariables().isEmpty();
		this.resource = templated ? null : new Resource(uri, name, null, description, null, null, null, null, null);
		this.template = templated ? new ResourceTemplate(uri, name, null, description, null, null, null, null) : null;
		this.endpoint = endpoint;
		this.exchange = exchange;
	}

	@Override
	public @Nullable Resource getResource() {
		return this.resource;
	}

	@Override
	public @Nullable ResourceTemplate getResourceTemplate() {
		return this.template;
	}

	@Override
	public Mono<ReadResourceResult> read(ResourceRead invocation) {
		return this.exchange.exchange(this.endpoint, invocation.arguments(), invocation.request().principal())
			.map((response) -> {
				HttpStatusCode status = (response.getStatusCode() != null) ? response.getStatusCode() : HttpStatus.OK;
				if (status.value() == HttpStatus.NOT_FOUND.value()) {
					throw McpException.resourceNotFound(invocation.name());
				}
				if (!status.is2xxSuccessful()) {
					throw new McpException(JsonRpcErrorCodes.INTERNAL_ERROR,
							this.endpoint + " answered HTTP " + status.value());
				}
				MediaType contentType = response.getHeaders().getContentType();
				String mimeType = (contentType != null) ? contentType.getType() + "/" + contentType.getSubtype() : null;
				return new ReadResourceResult(List
					.of(new TextResourceContents(invocation.name(), mimeType, response.getBodyAsString(), null)));
			});
	}

	@Override
	public String toString() {
		return "RestEndpointResourceHandler for " + this.endpoint;
	}

}
