package dev.mcpspring.server;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcException;
import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.CompleteResult;
import dev.mcpspring.model.GetPromptResult;
import dev.mcpspring.model.LoggingLevel;
import dev.mcpspring.model.ListPromptsResult;
import dev.mcpspring.model.ListResourceTemplatesResult;
import dev.mcpspring.model.ListResourcesResult;
import dev.mcpspring.model.ListToolsResult;
import dev.mcpspring.model.Prompt;
import dev.mcpspring.model.ReadResourceResult;
import dev.mcpspring.model.Resource;
import dev.mcpspring.model.ResourceTemplate;
import dev.mcpspring.model.Tool;
import dev.mcpspring.server.session.McpSession;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The feature methods of the engine: tools, prompts, resources, completion and logging.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
final class McpFeatureMethods {

	private static final Log logger = LogFactory.getLog(McpFeatureMethods.class);

	static final Map<String, Object> EMPTY_RESULT = Map.of();

	/**
	 * Longest URI matched against resource templates, which bounds matching time.
	 */
	private static final int MAX_URI_LENGTH = 4096;

	private final McpServerFeatures features;

	private final List<McpExceptionResolver> exceptionResolvers;

	private final List<McpFeatureExceptionResolver> featureExceptionResolvers;

	private final int pageSize;

	private final McpFeatureFilter filter;

	private final ToolTimeouts toolTimeouts;

	private final List<McpExceptionTranslator> exceptionTranslators;

	private final boolean maskErrorDetails;

	McpFeatureMethods(McpServerFeatures features, List<McpExceptionResolver> exceptionResolvers,
			List<McpFeatureExceptionResolver> featureExceptionResolvers, int pageSize, McpFeatureFilter filter,
			ToolTimeouts toolTimeouts, List<McpExceptionTranslator> exceptionTranslators, boolean maskErrorDetails) {
		this.features = features;
		this.exceptionResolvers = List.copyOf(exceptionResolvers);
		this.featureExceptionResolvers = List.copyOf(featureExceptionResolvers);
		this.pageSize = pageSize;
		this.filter = filter;
		this.toolTimeouts = toolTimeouts;
		this.exceptionTranslators = List.copyOf(exceptionTranslators);
		this.maskErrorDetails = maskErrorDetails;
	}

	Object listTools(McpRequest request) {
		FeatureRegistry.Page<Tool> page = this.features.tools()
			.page(cursor(request), this.pageSize, ToolHandler::getTool, visibleTo(request));
		return new ListToolsResult(page.items(), page.nextCursor());
	}

	private <T> Predicate<T> visibleTo(McpRequest request) {
		return (feature) -> this.filter.isVisible(feature, request);
	}

	Mono<CallToolResult> callTool(McpRequest request) {
		ObjectNode params = requireParams(request);
		String name = requireString(params, "name", "Missing tool name");
		ToolHandler handler = this.features.tools().get(name);
		if (handler == null || !this.filter.isVisible(handler.getTool(), request)) {
			throw new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Unknown tool");
		}
		ToolCall call = new ToolCall(name, arguments(params, "arguments"), request);
		return this.toolTimeouts.apply(handler, name, Mono.defer(() -> handler.call(call)))
			.onErrorResume((ex) -> resolveException(ex, call));
	}

	Object listPrompts(McpRequest request) {
		FeatureRegistry.Page<Prompt> page = this.features.prompts()
			.page(cursor(request), this.pageSize, PromptHandler::getPrompt, visibleTo(request));
		return new ListPromptsResult(page.items(), page.nextCursor());
	}

	Mono<GetPromptResult> getPrompt(McpRequest request) {
		ObjectNode params = requireParams(request);
		String name = requireString(params, "name", "Missing prompt name");
		PromptHandler handler = this.features.prompts().get(name);
		if (handler == null || !this.filter.isVisible(handler.getPrompt(), request)) {
			throw new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Unknown prompt");
		}
		ObjectNode arguments = arguments(params, "arguments");
		for (JsonNode value : arguments.values()) {
			if (!value.isString()) {
				throw new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Prompt arguments must be strings");
			}
		}
		PromptGet invocation = new PromptGet(name, arguments, request);
		return Mono.defer(() -> handler.get(invocation)).onErrorResume((ex) -> toProtocolError(ex, request));
	}

	Object listResources(McpRequest request) {
		FeatureRegistry.Page<Resource> page = this.features.resources()
			.getResources()
			.page(cursor(request), this.pageSize, ResourceHandler::getResource, visibleTo(request));
		return new ListResourcesResult(page.items(), page.nextCursor());
	}

	Object listResourceTemplates(McpRequest request) {
		FeatureRegistry.Page<ResourceTemplate> page = this.features.resources()
			.getTemplates()
			.page(cursor(request), this.pageSize, ResourceHandler::getResourceTemplate, visibleTo(request));
		return new ListResourceTemplatesResult(page.items(), page.nextCursor());
	}

	Mono<ReadResourceResult> readResource(McpRequest request) {
		String uri = requireString(requireParams(request), "uri", "Missing uri");
		return readResource(uri, request);
	}

	Mono<ReadResourceResult> readResource(String uri, McpRequest request) {
		if (uri.length() > MAX_URI_LENGTH) {
			return Mono.error(new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "URI too long"));
		}
		ResourceRegistry.Match match = this.features.resources().resolve(uri);
		if (match == null || !this.filter.isVisible(match.handler().getResource() != null
				? match.handler().getResource() : match.handler().getResourceTemplate(), request)) {
			return Mono.error(resourceNotFound(uri, request));
		}
		ResourceRead invocation = new ResourceRead(uri, match.variables(), match.listVariables(), request);
		return Mono.defer(() -> match.handler().read(invocation))
			.onErrorResume((ex) -> toProtocolError(ex, request))
			.onErrorMap(
					(ex) -> request.isStateless() && ex instanceof JsonRpcException rpc
							&& rpc.getError().code() == JsonRpcErrorCodes.RESOURCE_NOT_FOUND,
					(ex) -> resourceNotFound(uri, request));
	}

	Object subscribe(McpRequest request, boolean subscribe) {
		String uri = requireString(requireParams(request), "uri", "Missing uri");
		McpSession session = request.session();
		if (session == null) {
			throw new McpException(JsonRpcErrorCodes.INVALID_REQUEST, "Subscriptions need a session");
		}
		if (subscribe) {
			if (this.features.resources().resolve(uri) == null) {
				throw resourceNotFound(uri, request);
			}
			session.subscribe(uri);
		}
		else {
			session.unsubscribe(uri);
		}
		return EMPTY_RESULT;
	}

	Mono<CompleteResult> complete(McpRequest request) {
		ObjectNode params = requireParams(request);
		JsonNode ref = params.path("ref");
		String type = ref.path("type").asString("");
		String reference = CompletionRegistry.PROMPT_REFERENCE.equals(type) ? ref.path("name").asString(null)
				: ref.path("uri").asString(null);
		JsonNode argument = params.path("argument");
		String argumentName = argument.path("name").asString(null);
		if (reference == null || argumentName == null || !argument.path("value").isString()) {
			throw new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Invalid completion reference or argument");
		}
		if (CompletionRegistry.PROMPT_REFERENCE.equals(type) && this.features.prompts().get(reference) == null) {
			throw new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Unknown prompt");
		}
		CompletionHandler handler = this.features.completions().get(type, reference);
		if (handler == null) {
			return Mono.just(CompleteResult.of(List.of()));
		}
		ObjectNode context = arguments(params.path("context").isObject() ? (ObjectNode) params.get("context")
				: JsonNodeFactory.instance.objectNode(), "arguments");
		return Mono.defer(() -> handler.complete(argumentName, argument.path("value").asString(), context, request))
			.map(CompleteResult::of)
			.onErrorResume((ex) -> toProtocolError(ex, request));
	}

	Object setLevel(McpRequest request) {
		String value = requireString(requireParams(request), "level", "Missing level");
		LoggingLevel level = LoggingLevel.fromValue(value);
		if (level == null) {
			throw new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Unknown logging level");
		}
		if (request.session() != null) {
			request.session().setLoggingLevel(level);
		}
		return EMPTY_RESULT;
	}

	private Mono<CallToolResult> resolveException(Throwable ex, ToolCall call) {
		if (ex instanceof JsonRpcException || InputRequiredException.isInputRequired(ex)
				|| (ex instanceof ClientCapabilityException && call.request().isStateless())) {
			return Mono.error(ex);
		}
		McpException translated = translate(ex, call.request());
		if (translated != null) {
			return Mono.error(translated);
		}
		return Flux.fromIterable(this.exceptionResolvers)
			.concatMap((resolver) -> resolver.resolveException(ex, call))
			.next()
			.switchIfEmpty(Mono.fromSupplier(() -> {
				logger.error("Tool '" + call.name() + "' failed", ex);
				return CallToolResult
					.error(internalError("An internal error occurred while running tool '" + call.name() + "'", ex,
							this.maskErrorDetails));
			}));
	}

	private @Nullable McpException translate(Throwable ex, McpRequest request) {
		for (McpExceptionTranslator translator : this.exceptionTranslators) {
			McpException translated = translator.translate(ex, request);
			if (translated != null) {
				return translated;
			}
		}
		return null;
	}

	/**
	 * Translate the failure of a prompt, resource or completion handler through the
	 * {@link McpFeatureExceptionResolver} chain, once for every transport; what no
	 * resolver answers is logged and becomes a generic internal error.
	 */
	private <T> Mono<T> toProtocolError(Throwable ex, McpRequest request) {
		if (ex instanceof JsonRpcException || InputRequiredException.isInputRequired(ex)
				|| ex instanceof ClientCapabilityException) {
			return Mono.error(ex);
		}
		McpException translated = translate(ex, request);
		if (translated != null) {
			return Mono.error(translated);
		}
		return Flux.fromIterable(this.featureExceptionResolvers)
			.concatMap((resolver) -> resolver.resolveException(ex, request))
			.next()
			.switchIfEmpty(Mono.fromSupplier(() -> {
				logger.error("Failed to handle " + request.method(), ex);
				return JsonRpcError.of(JsonRpcErrorCodes.INTERNAL_ERROR,
						internalError("Internal error", ex, this.maskErrorDetails));
			}))
			.flatMap((error) -> Mono.error(new McpException(error, null)));
	}

	/**
	 * Return the text of the answer to an unexpected exception: the generic text alone
	 * when details are masked, else followed by the exception's type and message.
	 */
	static String internalError(String generic, Throwable ex, boolean maskErrorDetails) {
		return maskErrorDetails ? generic : generic + ": " + ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

	private static McpException resourceNotFound(String uri, McpRequest request) {
		int code = request.isStateless() ? JsonRpcErrorCodes.INVALID_PARAMS : JsonRpcErrorCodes.RESOURCE_NOT_FOUND;
		return new McpException(code, "Resource not found", Map.of("uri", uri));
	}

	private static @Nullable String cursor(McpRequest request) {
		JsonNode cursor = (request.params() != null) ? request.params().get("cursor") : null;
		if (cursor == null || cursor.isNull()) {
			return null;
		}
		if (!cursor.isString()) {
			throw new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Invalid cursor");
		}
		return cursor.asString();
	}

	static ObjectNode requireParams(McpRequest request) {
		ObjectNode params = request.params();
		if (params == null) {
			throw new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Missing params");
		}
		return params;
	}

	private static String requireString(ObjectNode params, String name, String message) {
		JsonNode value = params.get(name);
		if (value == null || !value.isString()) {
			throw new McpException(JsonRpcErrorCodes.INVALID_PARAMS, message);
		}
		return value.asString();
	}

	private static ObjectNode arguments(ObjectNode params, String name) {
		JsonNode arguments = params.get(name);
		if (arguments == null || arguments.isNull()) {
			return JsonNodeFactory.instance.objectNode();
		}
		if (!(arguments instanceof ObjectNode object)) {
			throw new McpException(JsonRpcErrorCodes.INVALID_PARAMS, name + " must be an object");
		}
		return object;
	}

}
