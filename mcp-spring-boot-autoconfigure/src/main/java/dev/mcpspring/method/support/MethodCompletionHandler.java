package dev.mcpspring.method.support;

import java.util.Collection;
import java.util.List;

import dev.mcpspring.method.InvocableMcpHandlerMethod;
import dev.mcpspring.server.CompletionHandler;
import dev.mcpspring.server.McpInvocation;
import dev.mcpspring.server.McpRequest;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link CompletionHandler} backed by an {@code @McpComplete} method. The method sees
 * the context arguments plus {@code argument} and {@code value} as its named arguments.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class MethodCompletionHandler implements CompletionHandler {

	private final String referenceType;

	private final String reference;

	private final InvocableMcpHandlerMethod handlerMethod;

	/**
	 * Create a handler.
	 * @param referenceType {@code ref/prompt} or {@code ref/resource}
	 * @param reference the prompt name or URI template
	 * @param handlerMethod the method to invoke
	 */
	public MethodCompletionHandler(String referenceType, String reference, InvocableMcpHandlerMethod handlerMethod) {
		this.referenceType = referenceType;
		this.reference = reference;
		this.handlerMethod = handlerMethod;
	}

	@Override
	public String getReferenceType() {
		return this.referenceType;
	}

	@Override
	public String getReference() {
		return this.reference;
	}

	@Override
	public Mono<List<String>> complete(String argument, String value, ObjectNode context, McpRequest request) {
		ObjectNode arguments = context.deepCopy();
		arguments.put("argument", argument);
		arguments.put("value", value);
		McpInvocation invocation = new Completion(this.reference, arguments, request);
		return this.handlerMethod.invoke(invocation)
			.map((result) -> ((Collection<?>) result).stream().map(String::valueOf).toList())
			.defaultIfEmpty(List.of());
	}

	private record Completion(String name, ObjectNode arguments, McpRequest request) implements McpInvocation {

	}

}
