package dev.mcpspring.server;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcException;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import dev.mcpspring.model.Implementation;
import dev.mcpspring.model.InitializeResult;
import dev.mcpspring.model.ProtocolVersions;
import dev.mcpspring.model.ServerCapabilities;
import dev.mcpspring.server.stateless.InputExchange;
import dev.mcpspring.server.stateless.RequestStateCodec;
import dev.mcpspring.server.stateless.StatelessSupport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MCP server engine: dispatches requests to the lifecycle and feature methods,
 * through the interceptor chain, independent of the transport that carries the messages
 * and of where sessions are kept ({@link McpSessionService} does that).
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle">Lifecycle</a>
 */
public class McpServerHandler {

	private static final Log logger = LogFactory.getLog(McpServerHandler.class);

	private static final Map<String, Object> EMPTY_OBJECT = Map.of();

	private final Implementation serverInfo;

	private final @Nullable String instructions;

	private final McpServerFeatures features;

	private final McpFeatureMethods methods;

	private final ClientRequests clientRequests;

	private final McpContextFactory contextFactory;

	private final McpServerInterceptor.Chain chain;

	private final StatelessSupport stateless;

	private final @Nullable McpStatelessExtension extension;

	private final List<McpServerInterceptor> interceptors;

	private final InterceptorChains interceptorChains;

	private final boolean maskErrorDetails;

	/**
	 * Create an engine with tools only, for tests and simple embeddings.
	 * @param serverInfo the name and version sent to clients
	 * @param instructions how to use the server, for the model, or {@code null}
	 * @param toolRegistry the tools
	 * @param exceptionResolvers resolvers for tool errors, in order
	 * @param pageSize the maximum number of items per list page
	 */
	public McpServerHandler(Implementation serverInfo, @Nullable String instructions, ToolRegistry toolRegistry,
			List<McpExceptionResolver> exceptionResolvers, int pageSize) {
		this(builder(serverInfo).instructions(instructions)
			.toolRegistry(toolRegistry)
			.exceptionResolvers(exceptionResolvers)
			.pageSize(pageSize));
	}

	McpServerHandler(McpServerHandlerBuilder builder) {
		this.serverInfo = builder.serverInfo;
		this.instructions = builder.instructions;
		this.features = new McpServerFeatures(builder.toolRegistry, builder.promptRegistry, builder.resourceRegistry,
				builder.completionRegistry);
		this.stateless = new StatelessSupport(builder.serverInfo, builder.jsonMapper,
				(builder.requestStateCodec != null) ? builder.requestStateCodec
						: RequestStateCodec.withRandomKey(Duration.ofMinutes(10), builder.jsonMapper),
				builder.cacheHints);
		this.methods = new McpFeatureMethods(this.features, builder.exceptionResolvers,
				builder.featureExceptionResolvers, builder.pageSize, builder.featureFilter,
				new ToolTimeouts(builder.toolTimeout, builder.toolTimeoutListeners), builder.exceptionTranslators,
				builder.maskErrorDetails);
		this.clientRequests = new ClientRequests(builder.clientRequestTimeout, builder.instanceId);
		this.contextFactory = new McpContextFactory(builder.jsonMapper, this.clientRequests, builder.schemaGenerator,
				this.methods::readResource, builder.sessionAttributeLimits);
		this.extension = builder.statelessExtension;
		this.chain = chain(builder.interceptors);
		this.interceptors = List.copyOf(builder.interceptors);
		this.interceptorChains = new InterceptorChains(this.interceptors);
		this.maskErrorDetails = builder.maskErrorDetails;
	}

	/**
	 * Start building an engine.
	 * @param serverInfo the name and version sent to clients
	 * @return the builder
	 */
	public static McpServerHandlerBuilder builder(Implementation serverInfo) {
		return new McpServerHandlerBuilder(serverInfo);
	}

	public McpServerFeatures getFeatures() {
		return this.features;
	}

	public McpContextFactory getContextFactory() {
		return this.contextFactory;
	}

	/**
	 * Return the interceptors, outermost first.
	 * @return the interceptors
	 */
	public List<McpServerInterceptor> getInterceptors() {
		return this.interceptors;
	}

	/**
	 * Return the hooks of the interceptors for the messages that are not requests.
	 * @return the hooks
	 */
	InterceptorChains getInterceptorChains() {
		return this.interceptorChains;
	}

	/**
	 * Return the requests the server sends to clients and waits for.
	 * @return the client requests
	 */
	public ClientRequests getClientRequests() {
		return this.clientRequests;
	}

	/**
	 * Serve a request through the interceptors. Failures become JSON-RPC error responses,
	 * except {@link InsufficientScopeException}, {@link ServerBusyException} and
	 * {@link RateLimitExceededException}, which transports answer with their own status
	 * ("forbidden", "service unavailable", "too many requests").
	 * @param request the request; for {@code initialize}, with the session it starts
	 * @return the response
	 */
	public Mono<McpResponse> handle(McpRequest request) {
		return Mono.defer(() -> this.chain.next(request))
			.onErrorResume((ex) -> !isTransportError(ex), (ex) -> Mono.just(failure(request, ex)));
	}

	/**
	 * Whether an error is left to the transport, which answers it with an HTTP status of
	 * its own: a caller lacking scopes, or a server at its limit.
	 * @param ex the error
	 * @return {@code true} if the transport handles it
	 */
	private static boolean isTransportError(Throwable ex) {
		return ex instanceof InsufficientScopeException || ex instanceof ServerBusyException
				|| ex instanceof RateLimitExceededException;
	}

	private McpServerInterceptor.Chain chain(List<McpServerInterceptor> interceptors) {
		McpServerInterceptor.Chain chain = (request) -> Mono.defer(() -> dispatch(request))
			.onErrorResume((ex) -> !isTransportError(ex), (ex) -> Mono.just(failure(request, ex)));
		for (int i = interceptors.size() - 1; i >= 0; i--) {
			McpServerInterceptor interceptor = interceptors.get(i);
			McpServerInterceptor.Chain next = chain;
			chain = (request) -> interceptor.intercept(request, next);
		}
		return chain;
	}

	private Mono<McpResponse> dispatch(McpRequest request) {
		validateMeta(request);
		if (request.isStateless()) {
			return dispatchStateless(request);
		}
		if ("initialize".equals(request.method())) {
			return initialize(request);
		}
		return respond(request, result(request));
	}

	/**
	 * Check the {@code _meta} fields every revision defines the same way.
	 */
	private static void validateMeta(McpRequest request) {
		JsonNode meta = (request.params() != null) ? request.params().get("_meta") : null;
		if (meta == null) {
			return;
		}
		if (!meta.isObject()) {
			throw new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Invalid _meta: must be an object");
		}
		JsonNode progressToken = meta.get("progressToken");
		if (progressToken != null && !progressToken.isString() && !progressToken.isNumber()) {
			throw new McpException(JsonRpcErrorCodes.INVALID_PARAMS,
					"Invalid progressToken: must be a string or a number");
		}
	}

	private Mono<McpResponse> dispatchStateless(McpRequest request) {
		this.stateless.validate(request.params());
		if (StatelessSupport.isRemoved(request.method()) || "subscriptions/listen".equals(request.method())) {
			return methodNotFound();
		}
		InputExchange inputs = this.stateless.inputsOf(request.method(), request.params(), request.principal());
		McpRequest withInputs = (inputs != null) ? request.withInputs(inputs) : request;
		Mono<?> result;
		if ("server/discover".equals(request.method())) {
			result = Mono.fromSupplier(() -> advertise(this.stateless.discover(capabilities(), this.instructions)));
		}
		else if ("tools/call".equals(request.method())) {
			result = (this.extension != null) ? this.extension.callTool(withInputs, this.methods::callTool)
					: this.methods.callTool(withInputs);
		}
		else if (this.extension != null && this.extension.serves(request.method())) {
			result = this.extension.serve(request, this.methods::callTool);
		}
		else {
			result = result(withInputs);
		}
		return respond(request,
				result.map((value) -> (Object) this.stateless.envelope(request.method(), value))
					.onErrorResume((ex) -> inputs != null && InputRequiredException.isInputRequired(ex),
							(ex) -> Mono.just(this.stateless.inputRequired(request.method(), request.params(),
									request.principal(), inputs)))
					.onErrorMap(ClientCapabilityException.class,
							(ex) -> StatelessSupport.missingCapability(ex.getCapability())));
	}

	private ObjectNode advertise(ObjectNode discover) {
		return (this.extension != null) ? this.extension.advertise(discover) : discover;
	}

	private Mono<?> result(McpRequest request) {
		return switch (request.method()) {
			case "ping" -> Mono.just(EMPTY_OBJECT);
			case "tools/list" -> Mono.fromSupplier(() -> this.methods.listTools(request));
			case "tools/call" -> this.methods.callTool(request);
			case "logging/setLevel" -> Mono.fromSupplier(() -> this.methods.setLevel(request));
			default -> optionalResult(request);
		};
	}

	private Mono<?> optionalResult(McpRequest request) {
		String method = request.method();
		if (method.startsWith("prompts/") && this.features.prompts().isOffered()) {
			return switch (method) {
				case "prompts/list" -> Mono.fromSupplier(() -> this.methods.listPrompts(request));
				case "prompts/get" -> this.methods.getPrompt(request);
				default -> methodNotFound();
			};
		}
		if (method.startsWith("resources/") && this.features.resources().isOffered()) {
			return switch (method) {
				case "resources/list" -> Mono.fromSupplier(() -> this.methods.listResources(request));
				case "resources/templates/list" -> Mono.fromSupplier(() -> this.methods.listResourceTemplates(request));
				case "resources/read" -> this.methods.readResource(request);
				case "resources/subscribe" -> Mono.fromSupplier(() -> this.methods.subscribe(request, true));
				case "resources/unsubscribe" -> Mono.fromSupplier(() -> this.methods.subscribe(request, false));
				default -> methodNotFound();
			};
		}
		if (method.equals("completion/complete") && hasCompletions()) {
			return this.methods.complete(request);
		}
		return methodNotFound();
	}

	/**
	 * Check a {@code subscriptions/listen} request and return the notifications this
	 * server can send, of those the client asked for.
	 * @param request the listen request
	 * @return the notification kinds the server honors
	 * @throws McpException for an invalid request
	 */
	Set<String> listenable(McpRequest request) {
		this.stateless.validate(request.params());
		if (!(request.params().get("notifications") instanceof ObjectNode)) {
			throw new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Missing notifications filter");
		}
		Set<String> honored = new HashSet<>(Set.of("toolsListChanged"));
		if (this.features.prompts().isOffered()) {
			honored.add("promptsListChanged");
		}
		if (this.features.resources().isOffered()) {
			honored.addAll(Set.of("resourcesListChanged", "resourceSubscriptions"));
		}
		return honored;
	}

	/**
	 * Return the error of a protocol version this server does not serve.
	 * @param requested the version asked for
	 * @return the JSON-RPC error, listing the supported stateless versions
	 */
	public dev.mcpspring.jsonrpc.JsonRpcError unsupportedVersion(String requested) {
		return StatelessSupport.unsupportedVersion(requested).getError();
	}

	/**
	 * Answer {@code initialize}. The session it starts, if any, comes with the request
	 * and holds the negotiated revision; keeping it is the session service's part.
	 */
	private Mono<McpResponse> initialize(McpRequest request) {
		ObjectNode params = McpFeatureMethods.requireParams(request);
		JsonNode requested = params.get("protocolVersion");
		if (requested == null || !requested.isString()) {
			return Mono.error(new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Missing protocolVersion"));
		}
		String version = (request.session() != null) ? request.session().getProtocolVersion()
				: ProtocolVersions.negotiate(requested.asString());
		InitializeResult result = new InitializeResult(version, capabilities(), this.serverInfo, this.instructions);
		return Mono.just(new McpResponse(JsonRpcResponse.success(request.message().id(), result), null));
	}

	private ServerCapabilities capabilities() {
		ServerCapabilities.ListChanged listChanged = new ServerCapabilities.ListChanged(true);
		return new ServerCapabilities(listChanged,
				!this.features.resources().isOffered() ? null : new ServerCapabilities.Resources(true, true),
				!this.features.prompts().isOffered() ? null : listChanged, EMPTY_OBJECT,
				hasCompletions() ? EMPTY_OBJECT : null);
	}

	private boolean hasCompletions() {
		return this.features.prompts().isOffered() || this.features.resources().getTemplates().isOffered();
	}

	private static <T> Mono<T> methodNotFound() {
		return Mono.error(new McpException(JsonRpcErrorCodes.METHOD_NOT_FOUND, "Method not found"));
	}

	private static Mono<McpResponse> respond(McpRequest request, Mono<?> result) {
		return result.map((value) -> new McpResponse(JsonRpcResponse.success(request.message().id(), value), null));
	}

	private McpResponse failure(McpRequest request, Throwable ex) {
		JsonRpcError error;
		if (ex instanceof JsonRpcException rpcException) {
			error = rpcException.getError();
		}
		else {
			logger.error("Failed to handle " + request.method(), ex);
			error = JsonRpcError.of(JsonRpcErrorCodes.INTERNAL_ERROR,
					McpFeatureMethods.internalError("Internal error", ex, this.maskErrorDetails));
		}
		return new McpResponse(JsonRpcResponse.failure(request.message().id(), error), null);
	}

}
