package dev.mcpspring.observation;

import java.util.Map;

import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.jsonrpc.JsonRpcException;
import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.server.McpInterceptorOrder;
import dev.mcpspring.server.McpOperation;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpResponse;
import dev.mcpspring.server.McpServerInterceptor;
import dev.mcpspring.server.PromptRegistry;
import dev.mcpspring.server.ToolCallException;
import dev.mcpspring.server.ToolRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;
import tools.jackson.databind.JsonNode;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * {@link McpServerInterceptor} that observes every request, outermost in the chain.
 * JSON-RPC errors are responses rather than exceptions, so the outcome is read from the
 * {@link McpResponse}: an error response and a tool result with {@code isError} are
 * recorded as errors of the observation, with their {@code error.type}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ObservationMcpServerInterceptor implements McpServerInterceptor, Ordered {

	/**
	 * Order of this interceptor: before any other, so their time is included.
	 */
	public static final int ORDER = McpInterceptorOrder.OBSERVATION;

	private static final McpServerObservationConvention DEFAULT_CONVENTION = new DefaultMcpServerObservationConvention();

	private final ObservationRegistry observationRegistry;

	private final ToolRegistry toolRegistry;

	private final PromptRegistry promptRegistry;

	private final @Nullable McpServerObservationConvention convention;

	/**
	 * Create an interceptor.
	 * @param observationRegistry where observations are recorded
	 * @param toolRegistry the tools, to tag only names of registered tools
	 * @param promptRegistry the prompts, to tag only names of registered prompts
	 * @param convention a custom convention, or {@code null} for the default
	 */
	public ObservationMcpServerInterceptor(ObservationRegistry observationRegistry, ToolRegistry toolRegistry,
			PromptRegistry promptRegistry, @Nullable McpServerObservationConvention convention) {
		Assert.notNull(observationRegistry, "ObservationRegistry is required");
		Assert.notNull(toolRegistry, "ToolRegistry is required");
		Assert.notNull(promptRegistry, "PromptRegistry is required");
		this.observationRegistry = observationRegistry;
		this.toolRegistry = toolRegistry;
		this.promptRegistry = promptRegistry;
		this.convention = convention;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<McpResponse> intercept(McpRequest request, Chain chain) {
		return Mono.deferContextual((contextView) -> {
			McpServerObservationContext context = newContext(request);
			Observation observation = McpObservationDocumentation.SERVER_OPERATION
				.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
				.parentObservation(parentOf(contextView))
				.start();
			return chain.next(request).doOnNext((response) -> {
				context.setResponse(response);
				recordOutcome(observation, context, response);
			}).doOnError((ex) -> {
				context.setErrorType(ex.getClass().getName());
				observation.error(ex);
			}).doOnCancel(() -> context.setErrorType("cancelled")).doFinally((signal) -> {
				if (context.getResponse() == null && context.getErrorType() == null) {
					context.setErrorType("cancelled");
				}
				observation.stop();
			}).contextWrite((reactorContext) -> reactorContext.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	/**
	 * The observation of the HTTP exchange, if one is recorded: a dropped one (see
	 * {@link McpEndpointHttpObservationPredicate}) is no parent.
	 */
	private static @Nullable Observation parentOf(ContextView contextView) {
		Observation parent = contextView.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
		return (parent != null && !parent.isNoop()) ? parent : null;
	}

	private McpServerObservationContext newContext(McpRequest request) {
		McpServerObservationContext context = new McpServerObservationContext(request);
		McpOperation operation = request.operation();
		String name = operation.name();
		if (name != null && operation.kind() == McpOperation.Kind.TOOL && this.toolRegistry.get(name) != null) {
			context.setToolName(name);
		}
		else if (name != null && operation.kind() == McpOperation.Kind.PROMPT
				&& this.promptRegistry.get(name) != null) {
			context.setPromptName(name);
		}
		return context;
	}

	private static void recordOutcome(Observation observation, McpServerObservationContext context,
			McpResponse response) {
		JsonRpcError error = response.message().error();
		if (error != null) {
			context.setErrorType(String.valueOf(error.code()));
			observation.error(new JsonRpcException(error, response.message().id()));
		}
		else if (isToolError(response.message().result())) {
			context.setErrorType("tool_error");
			observation.error(new ToolCallException("Tool call returned an error result"));
		}
	}

	private static boolean isToolError(@Nullable Object result) {
		if (result instanceof CallToolResult toolResult) {
			return Boolean.TRUE.equals(toolResult.isError());
		}
		if (result instanceof JsonNode node) {
			return node.path("isError").asBoolean(false);
		}
		if (result instanceof Map<?, ?> map) {
			return Boolean.TRUE.equals(map.get("isError"));
		}
		return false;
	}

}
