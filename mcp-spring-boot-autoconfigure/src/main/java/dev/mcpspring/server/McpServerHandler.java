package dev.mcpspring.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcException;
import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.jsonrpc.JsonRpcNotification;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import dev.mcpspring.model.Implementation;
import dev.mcpspring.model.InitializeResult;
import dev.mcpspring.model.ServerCapabilities;
import dev.mcpspring.server.session.McpSession;
import dev.mcpspring.server.session.McpSessionRepository;
import dev.mcpspring.server.session.SessionLimitExceededException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MCP server engine: serves the lifecycle and feature methods of sessions,
 * independent of the transport that carries the messages.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle">Lifecycle</a>
 */
public class McpServerHandler {

	private static final Log logger = LogFactory.getLog(McpServerHandler.class);

	private static final Map<String, Object> EMPTY_OBJECT = Map.of();

	private final SecureRandom random = new SecureRandom();

	private final Implementation serverInfo;

	private final @Nullable String instructions;

	private final McpServerFeatures features;

	private final McpSessionRepository sessionRepository;

	private final McpSessionChannels sessionChannels;

	private final McpFeatureMethods methods;

	private final ClientRequests clientRequests;

	private final InFlightRequests inFlightRequests = new InFlightRequests();

	private final McpContextFactory contextFactory;

	private final Clock clock;

	private final McpServerInterceptor.Chain chain;

	private final StatelessSupport stateless;

	private final boolean sessionsEnabled;

	private final SubscriptionStreams subscriptionStreams = new SubscriptionStreams();

	private final OpenStreams openStreams;

	private final StatelessTasks tasks;

	/**
	 * Create an engine with tools only, for tests and simple embeddings.
	 * @param serverInfo the name and version sent to clients
	 * @param instructions how to use the server, for the model, or {@code null}
	 * @param toolRegistry the tools
	 * @param sessionRepository where sessions are kept
	 * @param exceptionResolvers resolvers for tool errors, in order
	 * @param pageSize the maximum number of items per list page
	 * @param clock the clock for session times
	 */
	public McpServerHandler(Implementation serverInfo, @Nullable String instructions, ToolRegistry toolRegistry,
			McpSessionRepository sessionRepository, List<McpExceptionResolver> exceptionResolvers, int pageSize,
			Clock clock) {
		this(builder(serverInfo).instructions(instructions)
			.toolRegistry(toolRegistry)
			.sessionRepository(sessionRepository)
			.exceptionResolvers(exceptionResolvers)
			.pageSize(pageSize)
			.clock(clock));
	}

	McpServerHandler(McpServerHandlerBuilder builder) {
		this.serverInfo = builder.serverInfo;
		this.instructions = builder.instructions;
		this.sessionRepository = builder.sessionRepository;
		this.sessionChannels = builder.sessionChannels;
		this.openStreams = new OpenStreams(builder.maxStreams);
		this.features = new McpServerFeatures(builder.toolRegistry, builder.promptRegistry, builder.resourceRegistry,
				builder.completionRegistry, new ResourceSubscriptions(this.sessionChannels, this.subscriptionStreams));
		this.stateless = new StatelessSupport(builder.serverInfo, builder.jsonMapper,
				(builder.requestStateCodec != null) ? builder.requestStateCodec
						: RequestStateCodec.withRandomKey(Duration.ofMinutes(10), builder.jsonMapper),
				builder.cacheHints);
		this.methods = new McpFeatureMethods(this.features, builder.exceptionResolvers, builder.pageSize,
				builder.featureFilter);
		this.clientRequests = new ClientRequests(builder.clientRequestTimeout);
		this.contextFactory = new McpContextFactory(builder.jsonMapper, this.clientRequests, builder.schemaGenerator,
				this.methods::readResource);
		this.clock = builder.clock;
		this.tasks = new StatelessTasks(this.features, this.methods,
				(builder.taskStore != null) ? builder.taskStore : new InMemoryTaskStore(1_000, builder.clock),
				builder.jsonMapper, builder.taskTimeToLive, Duration.ofMillis(500), builder.clock);
		this.chain = chain(builder.interceptors);
		this.sessionsEnabled = builder.sessionsEnabled;
		this.features.tools().addChangeListener(listChanged("notifications/tools/list_changed", "toolsListChanged"));
		this.features.prompts()
			.addChangeListener(listChanged("notifications/prompts/list_changed", "promptsListChanged"));
		this.features.resources()
			.addChangeListener(listChanged("notifications/resources/list_changed", "resourcesListChanged"));
	}

	/**
	 * Start building an engine.
	 * @param serverInfo the name and version sent to clients
	 * @return the builder
	 */
	public static McpServerHandlerBuilder builder(Implementation serverInfo) {
		return new McpServerHandlerBuilder(serverInfo);
	}

	public McpSessionRepository getSessionRepository() {
		return this.sessionRepository;
	}

	/**
	 * Whether {@code initialize} starts a session. Without sessions, session-era
	 * clients are served request by request, like stateless ones.
	 * @return {@code true} if sessions are enabled
	 */
	public boolean isSessionsEnabled() {
		return this.sessionsEnabled;
	}

	public McpSessionChannels getSessionChannels() {
		return this.sessionChannels;
	}

	/**
	 * Return the long-lived streams open for clients, counted against their limit.
	 * @return the open streams
	 */
	public OpenStreams getOpenStreams() {
		return this.openStreams;
	}

	public McpServerFeatures getFeatures() {
		return this.features;
	}

	public McpContextFactory getContextFactory() {
		return this.contextFactory;
	}

	/**
	 * Serve a request. Failures become JSON-RPC error responses, except
	 * {@link SessionLimitExceededException} and {@link InsufficientScopeException},
	 * which transports answer with their own status ("try later", "forbidden"), and a
	 * {@link JsonRpcException} (Invalid Request, with the id) for an id the session
	 * already has in flight, which transports answer like an invalid message.
	 * @param request the request
	 * @return the response, with the session created by {@code initialize}; empty when
	 * the client cancelled the request
	 */
	public Mono<McpResponse> handle(McpRequest request) {
		Mono<McpResponse> response = Mono.defer(() -> this.chain.next(request))
			.onErrorResume((ex) -> !isTransportError(ex), (ex) -> Mono.just(failure(request, ex)));
		return this.inFlightRequests.track(request.sessionId(), request.message().id(), response);
	}

	/**
	 * Whether an error is left to the transport, which answers it with an HTTP status
	 * of its own: a full session store, or a caller lacking scopes.
	 * @param ex the error
	 * @return {@code true} if the transport handles it
	 */
	private static boolean isTransportError(Throwable ex) {
		return ex instanceof SessionLimitExceededException || ex instanceof InsufficientScopeException;
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
		this.stateless.validate(request);
		if (StatelessSupport.isRemoved(request.method()) || "subscriptions/listen".equals(request.method())) {
			return methodNotFound();
		}
		McpRequest withInputs = this.stateless.withInputs(request);
		Mono<?> result;
		if ("server/discover".equals(request.method())) {
			result = Mono.fromSupplier(
					() -> this.tasks.advertise(this.stateless.discover(capabilities(), this.instructions)));
		}
		else if ("tools/call".equals(request.method())) {
			result = this.tasks.callTool(withInputs);
		}
		else if (StatelessTasks.isTaskMethod(request.method())) {
			result = this.tasks.handle(request);
		}
		else {
			result = result(withInputs);
		}
		return respond(request, result.map((value) -> (Object) this.stateless.envelope(request.method(), value))
			.onErrorResume(InputRequiredException::isInputRequired,
					(ex) -> Mono.just(this.stateless.inputRequired(withInputs)))
			.onErrorMap(ClientCapabilityException.class,
					(ex) -> StatelessSupport.missingCapability(ex.getCapability())));
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
		if (method.startsWith("prompts/") && !this.features.prompts().isEmpty()) {
			return switch (method) {
				case "prompts/list" -> Mono.fromSupplier(() -> this.methods.listPrompts(request));
				case "prompts/get" -> this.methods.getPrompt(request);
				default -> methodNotFound();
			};
		}
		if (method.startsWith("resources/") && !this.features.resources().isEmpty()) {
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
	 * Open a {@code subscriptions/listen} stream for a stateless request.
	 * @param request the listen request
	 * @return the acknowledgement, then the change notifications the client opted in
	 * to
	 * @throws McpException for an invalid request
	 */
	public Flux<JsonRpcMessage> listen(McpRequest request) {
		this.stateless.validate(request);
		JsonNode filter = request.params().get("notifications");
		if (!(filter instanceof ObjectNode requested)) {
			throw new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Missing notifications filter");
		}
		Set<String> honored = new HashSet<>(Set.of("toolsListChanged"));
		if (!this.features.prompts().isEmpty()) {
			honored.add("promptsListChanged");
		}
		if (!this.features.resources().isEmpty()) {
			honored.addAll(Set.of("resourcesListChanged", "resourceSubscriptions"));
		}
		return this.subscriptionStreams.listen(request.message().id(), requested, honored);
	}

	/**
	 * Return the error of a protocol version this server does not serve.
	 * @param requested the version asked for
	 * @return the JSON-RPC error, listing the supported stateless versions
	 */
	public dev.mcpspring.jsonrpc.JsonRpcError unsupportedVersion(String requested) {
		return StatelessSupport.unsupportedVersion(requested).getError();
	}

	public SubscriptionStreams getSubscriptionStreams() {
		return this.subscriptionStreams;
	}

	/**
	 * Handle a notification from the client.
	 * @param notification the notification
	 * @param session the session it belongs to, or {@code null}
	 * @return completes when handled
	 */
	public Mono<Void> handleNotification(JsonRpcNotification notification, @Nullable McpSession session) {
		String sessionId = (session != null) ? session.getId() : null;
		switch (notification.method()) {
			case "notifications/initialized" -> {
				if (session != null) {
					session.markInitialized();
				}
			}
			case "notifications/cancelled" -> {
				JsonNode requestId = (notification.params() != null) ? notification.params().get("requestId") : null;
				if (requestId != null && !this.inFlightRequests.cancel(sessionId, requestId)
						&& logger.isDebugEnabled()) {
					logger.debug("Cancellation of unknown request " + requestId);
				}
			}
			default -> {
				if (logger.isDebugEnabled()) {
					logger.debug("Ignoring notification " + notification.method());
				}
			}
		}
		return Mono.empty();
	}

	/**
	 * Handle a response of the client to a request the server sent.
	 * @param response the response
	 * @param session the session it belongs to, or {@code null}
	 */
	public void handleResponse(JsonRpcResponse response, @Nullable McpSession session) {
		String sessionId = (session != null) ? session.getId() : null;
		if (!this.clientRequests.complete(sessionId, response) && logger.isDebugEnabled()) {
			logger.debug("Response to unknown request " + response.id());
		}
	}

	/**
	 * End a session: delete it, close its stream and drop its subscriptions.
	 * @param sessionId the session id
	 * @return {@code true} if the session existed
	 */
	public Mono<Boolean> closeSession(String sessionId) {
		return this.sessionRepository.deleteById(sessionId).doOnNext((deleted) -> {
			this.sessionChannels.close(sessionId);
			this.features.subscriptions().removeSession(sessionId);
		});
	}

	private Mono<McpResponse> initialize(McpRequest request) {
		ObjectNode params = McpFeatureMethods.requireParams(request);
		JsonNode requested = params.get("protocolVersion");
		if (requested == null || !requested.isString()) {
			return Mono.error(new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Missing protocolVersion"));
		}
		String version = ProtocolVersions.negotiate(requested.asString());
		McpSession session = new McpSession(newSessionId(), version, params.get("clientInfo"),
				params.get("capabilities"), this.clock.instant());
		session.setPrincipalName((request.principal() != null) ? request.principal().getName() : null);
		InitializeResult result = new InitializeResult(version, capabilities(), this.serverInfo, this.instructions);
		if (!this.sessionsEnabled) {
			return Mono.just(new McpResponse(JsonRpcResponse.success(request.message().id(), result), null));
		}
		return this.sessionRepository.save(session)
			.map((saved) -> new McpResponse(JsonRpcResponse.success(request.message().id(), result), saved));
	}

	private ServerCapabilities capabilities() {
		ServerCapabilities.ListChanged listChanged = new ServerCapabilities.ListChanged(true);
		return new ServerCapabilities(listChanged,
				this.features.resources().isEmpty() ? null : new ServerCapabilities.Resources(true, true),
				this.features.prompts().isEmpty() ? null : listChanged, EMPTY_OBJECT,
				hasCompletions() ? EMPTY_OBJECT : null);
	}

	private boolean hasCompletions() {
		return !this.features.prompts().isEmpty() || !this.features.resources().getTemplates().isEmpty();
	}

	private Runnable listChanged(String method, String filterKey) {
		return () -> {
			this.sessionChannels.sendToAll(new JsonRpcNotification(method, null));
			this.subscriptionStreams.listChanged(method, filterKey);
		};
	}

	private static <T> Mono<T> methodNotFound() {
		return Mono.error(new McpException(JsonRpcErrorCodes.METHOD_NOT_FOUND, "Method not found"));
	}

	private static Mono<McpResponse> respond(McpRequest request, Mono<?> result) {
		return result.map((value) -> new McpResponse(JsonRpcResponse.success(request.message().id(), value), null));
	}

	private static McpResponse failure(McpRequest request, Throwable ex) {
		JsonRpcError error;
		if (ex instanceof JsonRpcException rpcException) {
			error = rpcException.getError();
		}
		else {
			logger.error("Failed to handle " + request.method(), ex);
			error = JsonRpcError.of(JsonRpcErrorCodes.INTERNAL_ERROR, "Internal error");
		}
		return new McpResponse(JsonRpcResponse.failure(request.message().id(), error), null);
	}

	private String newSessionId() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
