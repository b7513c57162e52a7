package dev.mcpspring.method.support;

import java.util.Base64;
import java.util.Collection;
import java.util.List;

import dev.mcpspring.method.InvocableMcpHandlerMethod;
import dev.mcpspring.model.BlobResourceContents;
import dev.mcpspring.model.ReadResourceResult;
import dev.mcpspring.model.Resource;
import dev.mcpspring.model.ResourceContents;
import dev.mcpspring.model.ResourceTemplate;
import dev.mcpspring.model.TextResourceContents;
import dev.mcpspring.server.ResourceHandler;
import dev.mcpspring.server.ResourceRead;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link ResourceHandler} backed by an {@code @McpResource} method, for a fixed URI or
 * a URI template.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class MethodResourceHandler implements ResourceHandler {

	private final @Nullable Resource resource;

	private final @Nullable ResourceTemplate template;

	private final @Nullable String mimeType;

	private final InvocableMcpHandlerMethod handlerMethod;

	private final JsonMapper jsonMapper;

	/**
	 * Create a handler.
	 * @param resource the fixed resource, or {@code null} for a template
	 * @param template the template, or {@code null} for a fixed resource
	 * @param handlerMethod the method to invoke
	 * @param jsonMapper serializes object return values
	 */
	public MethodResourceHandler(@Nullable Resource resource, @Nullable ResourceTemplate template,
			InvocableMcpHandlerMethod handlerMethod, JsonMapper jsonMapper) {
		this.resource = resource;
		this.template = template;
		this.mimeType = (resource != null) ? resource.mimeType() : (template != null) ? template.mimeType() : null;
		this.handlerMethod = handlerMethod;
		this.jsonMapper = jsonMapper;
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
		return this.handlerMethod.invoke(invocation)
			.map((value) -> convert(value, invocation.name()))
			.switchIfEmpty(Mono.fromSupplier(() -> new ReadResourceResult(List.of())));
	}

	private ReadResourceResult convert(Object value, String uri) {
		if (value instanceof ReadResourceResult result) {
			return result;
		}
		if (value instanceof ResourceContents contents) {
			return new ReadResourceResult(List.of(contents));
		}
		if (value instanceof Collection<?> list && !list.isEmpty()
				&& list.stream().allMatch(ResourceContents.class::isInstance)) {
			return new ReadResourceResult(list.stream().map(ResourceContents.class::cast).toList());
		}
		if (value instanceof byte[] bytes) {
			return new ReadResourceResult(List
				.of(new BlobResourceContents(uri, this.mimeType, Base64.getEncoder().encodeToString(bytes), null)));
		}
		if (value instanceof CharSequence text) {
			return new ReadResourceResult(List.of(new TextResourceContents(uri, this.mimeType, text.toString(), null)));
		}
		String json = this.jsonMapper.writeValueAsString(value);
		String mimeType = (this.mimeType != null) ? this.mimeType : "application/json";
		return new ReadResourceResult(List.of(new TextResourceContents(uri, mimeType, json, null)));
	}

}
