package dev.mcpspring.server;

import java.security.Principal;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcException;
import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.jsonrpc.JsonRpcNotification;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import dev.mcpspring.model.ProtocolVersions;
import dev.mcpspring.server.session.InMemoryMcpSessionRepository;
import dev.mcpspring.server.session.McpSession;
import dev.mcpspring.server.session.McpSessionBroker;
import dev.mcpspring.server.session.McpSessionRepository;
import dev.mcpspring.server.session.SessionNotFoundException;
import dev.mcpspring.server.stateless.StatelessSupport;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * What transports call: decides once how each client message is served (stateless,
 * {@code initialize}, within a session, or without sessions), owns the session lifecycle
 * (creation with a fresh id, the ownership check against the caller, saving every change,
 * closing) and the client's streams, and hands requests to the {@link McpServerHandler
 * engine}. Sessions live in a {@link McpSessionRepository}; messages that belong to no
 * request reach a client through whichever instance holds its stream, by way of a
 * {@link McpSessionBroker}.
 * <p>
 * A transport decodes a message, calls {@link #accept}, then {@link #serve} (requests),
 * {@link #deliver} (notifications and responses) or {@link #listen}, and encodes what
 * comes back. Failures a transport answers with a status of its own are
 * {@link SessionNotFoundException}, {@link StreamLimitExceededException},
 * {@link dev.mcpspring.server.session.SessionLimitExceededException},
 * {@link dev.mcpspring.server.session.SessionStoreUnavailableException},
 * {@link InsufficientScopeException} and, for messages that cannot be served at all, a
 * {@link JsonRpcException}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management">Session
 * management</a>
 */
public class McpSessionService {

	private final SecureRandom random = new SecureRandom();

	private final McpServerHandler engine;

	private final McpSessionRepository repository;

	private final SessionMessaging messaging;

	private final InFlightRequests inFlightRequests = new InFlightRequests();

	private final OpenStreams openStreams;

	private final boolean sessionsEnabled;

	private final Clock clock;

	private final InterceptorChains interceptors;

	private McpSessionService(Builder builder) {
		this.engine = builder.engine;
		this.repository = builder.repository;
		this.openStreams = new OpenStreams(builder.maxStreams);
		this.sessionsEnabled = builder.sessionsEnabled;
		this.clock = builder.clock;
		this.interceptors = builder.engine.getInterceptorChains();
		this.messaging = new SessionMessaging(builder.broker, builder.codec, builder.repository,
				builder.engine.getClientRequests(), this.inFlightRequests, resourceUpdateListeners(builder.engine));
		McpServerFeatures features = builder.engine.getFeatures();
		features.tools()
			.addChangeListener(
					() -> this.messaging.listChanged("notifications/tools/list_changed", "toolsListChanged"));
		features.prompts()
			.addChangeListener(
					() -> this.messaging.listChanged("notifications/prompts/list_changed", "promptsListChanged"));
		features.resources()
			.addChangeListener(
					() -> this.messaging.listChanged("notifications/resources/list_changed", "resourcesListChanged"));
	}

	/**
	 * Start building a session service, with in-memory sessions, a single instance and
	 * sessions enabled unless told otherwise.
	 * @param engine the engine that serves requests
	 * @return the builder
	 */
	public static Builder builder(McpServerHandler engine) {
		return new Builder(engine);
	}

	/**
	 * Decide how a message is served: statelessly when its revision says so (the protocol
	 * version given by the transport, or else the one in {@code _meta}), as
	 * {@code initialize}, without sessions when they are disabled, or within the named
	 * session, which must exist and belong to the caller.
	 * @param message the decoded message
	 * @param sessionId the session id the transport received, or {@code null}
	 * @param protocolVersion the protocol version the transport received, or {@code null}
	 * @param principal the authenticated caller, or {@code null}
	 * @return the call, or an error: a {@link JsonRpcException} for a message that cannot
	 * be served, {@link SessionNotFoundException} for an unknown session
	 */
	public Mono<McpCall> accept(JsonRpcMessage message, @Nullable String sessionId, @Nullable String protocolVersion,
			@Nullable Principal principal) {
		return accept(message, sessionId, protocolVersion, principal, RequestHeaders.EMPTY);
	}

	/**
	 * Decide how a message is served, as
	 * {@link #accept(JsonRpcMessage, String, String, Principal)} does, keeping the HTTP
	 * headers that handlers may read.
	 * @param message the decoded message
	 * @param sessionId the session id the transport received, or {@code null}
	 * @param protocolVersion the protocol version the transport received, or {@code null}
	 * @param principal the authenticated caller, or {@code null}
	 * @param headers the headers exposed to handlers
	 * @return the call, or an error as for the variant without headers
	 */
	public Mono<McpCall> accept(JsonRpcMessage message, @Nullable String sessionId, @Nullable String protocolVersion,
			@Nullable Principal principal, RequestHeaders headers) {
		JsonNode id = (message instanceof JsonRpcRequest request) ? request.id() : null;
		if (isStateless(message, protocolVersion)) {
			if (protocolVersion != null && !ProtocolVersions.SUPPORTED_STATELESS.contains(protocolVersion)) {
				return Mono
					.error(new JsonRpcException(StatelessSupport.unsupportedVersion(protocolVersion).getError(), id));
			}
			if (message instanceof JsonRpcResponse) {
				return Mono.error(invalid("Clients must not send responses on this protocol revision", null));
			}
			String version = (protocolVersion != null) ? protocolVersion : ProtocolVersions.STATELESS;
			return Mono.just(new McpCall(McpCall.Kind.STATELESS, message, null, version, principal, headers));
		}
		if (message instanceof JsonRpcRequest request && "initialize".equals(request.method())) {
			return (sessionId != null) ? Mono.error(invalid("Session already initialized", id)) : Mono
				.just(new McpCall(McpCall.Kind.INITIALIZE, message, null, ProtocolVersions.LATEST, principal, headers));
		}
		if (!this.sessionsEnabled) {
			String version = (protocolVersion != null) ? protocolVersion : ProtocolVersions.DEFAULT_WITHOUT_HEADER;
			return Mono.just(new McpCall(McpCall.Kind.SESSIONLESS, message, null, version, principal, headers));
		}
		if (sessionId == null) {
			return Mono.error(invalid("Missing session id: send initialize first", id));
		}
		return find(sessionId, principal).map((session) -> new McpCall(McpCall.Kind.SESSION, message, session,
				(protocolVersion != null) ? protocolVersion : session.getProtocolVersion(), principal, headers));
	}

	/**
	 * Find a session of the caller.
	 * @param sessionId the session id
	 * @param principal the authenticated caller, or {@code null}
	 * @return the session, or {@link SessionNotFoundException} when it is unknown,
	 * expired, or another principal's
	 */
	public Mono<McpSession> find(String sessionId, @Nullable Principal principal) {
		String caller = (principal != null) ? principal.getName() : null;
		return this.repository.findById(sessionId)
			.filter((session) -> session.isOwnedBy(caller))
			.switchIfEmpty(Mono.error(SessionNotFoundException::new));
	}

	/**
	 * Serve a request, then save what it changed in its session.
	 * @param call the accepted request
	 * @param channel where messages for the client go while the request runs
	 * @return the response, with the session created by {@code initialize}; empty when
	 * the client cancelled the request
	 */
	public Mono<McpResponse> serve(McpCall call, McpClientChannel channel) {
		Assert.isTrue(call.isRequest(), "Only requests are served");
		JsonRpcRequest request = (JsonRpcRequest) call.message();
		McpSession session = call.session();
		// a session channel reaches the session stream, where the outbound hooks apply
		McpClientChannel out = (channel instanceof SessionChannel) ? channel
				: this.interceptors.outbound(channel, (session != null) ? session.getId() : null, request);
		if (call.kind() == McpCall.Kind.INITIALIZE) {
			return initialize(call, request, out);
		}
		Mono<McpResponse> response = this.inFlightRequests.track((session != null) ? session.getId() : null,
				request.id(), this.engine.handle(new McpRequest(request, session, call.protocolVersion(), out,
						call.principal(), null, call.headers())));
		if (session == null) {
			return response;
		}
		return response.flatMap((served) -> saveChanges(session).thenReturn(served))
			.switchIfEmpty(Mono.defer(() -> saveChanges(session).then(Mono.empty())));
	}

	private Mono<McpResponse> initialize(McpCall call, JsonRpcRequest request, McpClientChannel channel) {
		ObjectNode params = request.params();
		JsonNode requested = (params != null) ? params.get("protocolVersion") : null;
		if (requested == null || !requested.isString()) {
			// the engine answers the invalid request
			return this.engine.handle(new McpRequest(request, null, call.protocolVersion(), channel, call.principal(),
					null, call.headers()));
		}
		String version = ProtocolVersions.negotiate(requested.asString());
		if (!this.sessionsEnabled) {
			return this.engine
				.handle(new McpRequest(request, null, version, channel, call.principal(), null, call.headers()));
		}
		McpSession session = new McpSession(newSessionId(), version, params.get("clientInfo"),
				params.get("capabilities"), this.clock.instant());
		session.setPrincipalName((call.principal() != null) ? call.principal().getName() : null);
		return this.engine
			.handle(new McpRequest(request, session, version, channel, call.principal(), null, call.headers()))
			.flatMap((response) -> (response.message().error() != null) ? Mono.just(response)
					: this.repository.save(session).map((saved) -> new McpResponse(response.message(), saved)));
	}

	/**
	 * Deliver a notification or a response of the client: {@code initialized} and
	 * {@code cancelled} notifications act on the session, responses complete the server's
	 * request wherever it waits.
	 * @param call the accepted notification or response
	 * @return completes once delivered and the session saved
	 */
	public Mono<Void> deliver(McpCall call) {
		McpSession session = call.session();
		if (call.message() instanceof JsonRpcResponse response) {
			return this.interceptors.clientResponse(
					new McpClientResponse(response, session, call.protocolVersion(), call.principal()),
					(delivered) -> Mono.fromRunnable(() -> this.messaging
						.completeClientRequest((session != null) ? session.getId() : null, delivered.message())));
		}
		JsonRpcNotification message = (JsonRpcNotification) call.message();
		return this.interceptors.notification(
				new McpNotification(message, session, call.protocolVersion(), call.principal(), call.headers()),
				(delivered) -> act(delivered.message(), session));
	}

	/**
	 * Act on a notification of the client.
	 */
	private Mono<Void> act(JsonRpcNotification notification, @Nullable McpSession session) {
		if (session == null) {
			// without a session a notification cannot name its sender: a cancellation
			// would stop whichever client's request has that id
			return Mono.empty();
		}
		if ("notifications/initialized".equals(notification.method())) {
			session.markInitialized();
		}
		else if ("notifications/cancelled".equals(notification.method()) && notification.params() != null
				&& notification.params().get("requestId") != null) {
			this.messaging.cancel(session.getId(), notification.params().get("requestId"));
		}
		return saveChanges(session);
	}

	/**
	 * Open the {@code subscriptions/listen} stream of a stateless request.
	 * @param call the accepted listen request
	 * @return the acknowledgement, then the notifications the client opted in to
	 * @throws JsonRpcException for an invalid request
	 * @throws StreamLimitExceededException when too many streams are open
	 */
	public Flux<JsonRpcMessage> listen(McpCall call) {
		Assert.isTrue(call.isListen(), "Not a listen request");
		JsonRpcRequest request = (JsonRpcRequest) call.message();
		Set<String> honored = this.engine.listenable(new McpRequest(request, null, call.protocolVersion(),
				McpClientChannel.discard(), call.principal(), null, call.headers()));
		ObjectNode requested = (ObjectNode) request.params().get("notifications");
		Flux<JsonRpcMessage> stream = this.messaging.getListenStreams().listen(request.id(), requested, honored);
		return hold(this.interceptors.stream(
				new McpStreamOperation(McpStreamOperation.Kind.LISTEN, null, call.principal(), request),
				(operation) -> this.interceptors.outbound(stream, null)));
	}

	/**
	 * Open the stream of a session here: the messages sent to it outside requests, from
	 * this instance or another, until the session ends or opens another stream.
	 * @param session the session, found with {@link #find}
	 * @return the messages
	 */
	public Flux<JsonRpcMessage> attach(McpSession session) {
		String sessionId = session.getId();
		McpStreamOperation open = new McpStreamOperation(McpStreamOperation.Kind.SESSION_STREAM, sessionId, null, null);
		return this.interceptors.stream(open,
				(operation) -> this.interceptors.outbound(this.messaging.attach(sessionId), sessionId));
	}

	/**
	 * Count a long-lived stream against the limit of open streams while it lasts.
	 * @param stream the stream
	 * @param <T> the element type
	 * @return the stream, freeing its place when it ends
	 * @throws StreamLimitExceededException when the limit is reached
	 */
	public <T> Flux<T> hold(Flux<T> stream) {
		OpenStreams.Place place = this.openStreams.tryOpen();
		if (place == null) {
			throw new StreamLimitExceededException(this.openStreams.getMaxStreams());
		}
		return place.heldBy(stream);
	}

	/**
	 * Return a channel to the stream of a session, wherever it is open.
	 * @param session the session
	 * @return the channel
	 */
	public McpClientChannel channelOf(McpSession session) {
		return new SessionChannel(session.getId());
	}

	/**
	 * End a session of the caller: delete it and end its streams on every instance.
	 * @param sessionId the session id
	 * @param principal the authenticated caller, or {@code null}
	 * @return completes once closed, or {@link SessionNotFoundException}
	 */
	public Mono<Void> close(String sessionId, @Nullable Principal principal) {
		McpStreamOperation close = new McpStreamOperation(McpStreamOperation.Kind.CLOSE, sessionId, principal, null);
		return this.interceptors.stream(close,
				(operation) -> find(sessionId, principal).flatMap((session) -> this.repository.deleteById(sessionId))
					.doOnNext((deleted) -> this.messaging.closed(sessionId))
					.thenMany(Flux.empty()))
			.then();
	}

	/**
	 * End every stream this instance holds, so clients see a clean end of stream when the
	 * application shuts down.
	 */
	public void closeStreams() {
		this.messaging.closeAll();
	}

	/**
	 * Accept new streams again after {@link #closeStreams()}, when a stopped application
	 * starts again, as a cached test context does after a pause.
	 */
	public void reopenStreams() {
		this.messaging.reopen();
	}

	/**
	 * Stop receiving messages from other instances.
	 */
	public void destroy() {
		this.messaging.dispose();
	}

	/**
	 * Return what notifies subscribers of updated resources, on every instance.
	 * @return the publisher
	 */
	public ResourceUpdatePublisher getResourceUpdatePublisher() {
		return this.messaging;
	}

	public McpServerHandler getEngine() {
		return this.engine;
	}

	public McpSessionRepository getRepository() {
		return this.repository;
	}

	public OpenStreams getOpenStreams() {
		return this.openStreams;
	}

	/**
	 * Whether {@code initialize} starts a session. Without sessions, session-era clients
	 * are served request by request, like stateless ones.
	 * @return {@code true} if sessions are enabled
	 */
	public boolean isSessionsEnabled() {
		return this.sessionsEnabled;
	}

	private Mono<Void> saveChanges(McpSession session) {
		return session.takeChanges() ? this.repository.update(session) : Mono.empty();
	}

	/**
	 * Whether a message is served statelessly: the protocol version given names a
	 * stateless (or unknown) revision, or none is given and {@code _meta} carries one.
	 */
	private static boolean isStateless(JsonRpcMessage message, @Nullable String protocolVersion) {
		if (protocolVersion != null) {
			return ProtocolVersions.isStateless(protocolVersion);
		}
		JsonNode version = (message instanceof JsonRpcRequest request && request.params() != null)
				? request.params().path("_meta").get(McpRequest.PROTOCOL_VERSION_META) : null;
		return version != null && version.isString() && ProtocolVersions.isStateless(version.asString());
	}

	/**
	 * Return what must hear of updated resources, here or on another instance, among the
	 * interceptors: the cache of read results.
	 */
	private static Consumer<String> resourceUpdateListeners(McpServerHandler engine) {
		List<ResourceUpdateListener> listeners = engine.getInterceptors()
			.stream()
			.filter(ResourceUpdateListener.class::isInstance)
			.map(ResourceUpdateListener.class::cast)
			.toList();
		return (uri) -> listeners.forEach((listener) -> listener.resourceUpdated(uri));
	}

	private static JsonRpcException invalid(String message, @Nullable JsonNode id) {
		return new JsonRpcException(JsonRpcError.of(JsonRpcErrorCodes.INVALID_REQUEST, message), id);
	}

	private String newSessionId() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The channel to the stream of a session, wherever it is open: the outbound hooks
	 * apply where the stream is.
	 */
	private final class SessionChannel implements McpClientChannel {

		private final String sessionId;

		SessionChannel(String sessionId) {
			this.sessionId = sessionId;
		}

		@Override
		public void send(JsonRpcMessage message) {
			McpSessionService.this.messaging.send(this.sessionId, message);
		}

	}

	/**
	 * Builds a {@link McpSessionService}.
	 */
	public static final class Builder {

		private final McpServerHandler engine;

		private McpSessionRepository repository = new InMemoryMcpSessionRepository(10_000,
				java.time.Duration.ofMinutes(30), Clock.systemUTC());

		private McpSessionBroker broker = McpSessionBroker.local();

		private JsonRpcCodec codec = new JsonRpcCodec(new JsonMapper());

		private boolean sessionsEnabled = true;

		private int maxStreams = 2_000;

		private Clock clock = Clock.systemUTC();

		private Builder(McpServerHandler engine) {
			Assert.notNull(engine, "McpServerHandler is required");
			this.engine = engine;
		}

		/**
		 * Set where sessions are kept.
		 * @param repository the repository
		 * @return this builder
		 */
		public Builder repository(McpSessionRepository repository) {
			Assert.notNull(repository, "McpSessionRepository is required");
			this.repository = repository;
			return this;
		}

		/**
		 * Set how messages travel between the instances of the server.
		 * @param broker the broker, {@link McpSessionBroker#local()} for one instance
		 * @return this builder
		 */
		public Builder broker(McpSessionBroker broker) {
			Assert.notNull(broker, "McpSessionBroker is required");
			this.broker = broker;
			return this;
		}

		/**
		 * Set the codec of the messages passed between instances.
		 * @param codec the codec
		 * @return this builder
		 */
		public Builder codec(JsonRpcCodec codec) {
			Assert.notNull(codec, "JsonRpcCodec is required");
			this.codec = codec;
			return this;
		}

		/**
		 * Set whether {@code initialize} starts a session.
		 * @param sessionsEnabled {@code false} to serve every message on its own
		 * @return this builder
		 */
		public Builder sessionsEnabled(boolean sessionsEnabled) {
			this.sessionsEnabled = sessionsEnabled;
			return this;
		}

		/**
		 * Set how many long-lived streams may be open at once.
		 * @param maxStreams the limit, positive
		 * @return this builder
		 */
		public Builder maxStreams(int maxStreams) {
			Assert.isTrue(maxStreams > 0, "maxStreams must be positive");
			this.maxStreams = maxStreams;
			return this;
		}

		/**
		 * Set the clock of session creation times.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			Assert.notNull(clock, "Clock is required");
			this.clock = clock;
			return this;
		}

		/**
		 * Build the service.
		 * @return the service
		 */
		public McpSessionService build() {
			return new McpSessionService(this);
		}

	}

}
