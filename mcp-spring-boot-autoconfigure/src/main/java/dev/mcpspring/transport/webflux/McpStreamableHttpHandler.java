package dev.mcpspring.transport.webflux;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcException;
import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.jsonrpc.JsonRpcNotification;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import dev.mcpspring.server.McpClientChannel;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpServerHandler;
import dev.mcpspring.server.OpenStreams;
import dev.mcpspring.server.ProtocolVersions;
import dev.mcpspring.server.session.McpSession;
import dev.mcpspring.transport.support.McpEventStore;
import dev.mcpspring.transport.support.McpHttpHeaders;
import dev.mcpspring.transport.support.OriginValidator;
import dev.mcpspring.transport.support.ResponseRouter;
import dev.mcpspring.transport.support.StandardHeaderValidator;
import dev.mcpspring.transport.support.UnbufferedEventStream;
import dev.mcpspring.server.ToolHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.Disposable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The MCP Streamable HTTP transport on WebFlux: POST carries client messages, GET opens
 * a stream for server messages, DELETE ends a session. Decodes, checks the HTTP rules of
 * the transport, and hands requests to the {@link McpServerHandler}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http">Streamable
 * HTTP</a>
 */
public class McpStreamableHttpHandler extends AbstractMcpHttpHandler {

	private static final MediaType[] REQUIRED_POST_ACCEPT = { MediaType.APPLICATION_JSON,
			MediaType.TEXT_EVENT_STREAM };

	private static final String ALLOWED_METHODS = "GET, POST, DELETE";

	private static final byte[] EVENT_DATA_PREFIX = "event:message\ndata:".getBytes(StandardCharsets.UTF_8);

	private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.UTF_8);

	private final ResponseMode responseMode;

	private final McpEventStore eventStore;

	/**
	 * Create a handler.
	 * @param serverHandler the engine
	 * @param codec the JSON-RPC codec
	 * @param originValidator the Host and Origin check
	 * @param maxRequestBytes the largest accepted request body
	 * @param responseMode how POST requests are answered
	 * @param keepAliveInterval how often idle streams send a comment
	 * @param eventStore keeps stream events for resumption
	 */
	public McpStreamableHttpHandler(McpServerHandler serverHandler, JsonRpcCodec codec,
			OriginValidator originValidator, int maxRequestBytes, ResponseMode responseMode,
			Duration keepAliveInterval, McpEventStore eventStore) {
		super(serverHandler, codec, originValidator, maxRequestBytes, keepAliveInterval);
		this.responseMode = responseMode;
		this.eventStore = eventStore;
	}

	/**
	 * Handle a POST: one JSON-RPC request, notification or response.
	 * @param request the HTTP request
	 * @return the HTTP response
	 */
	public Mono<ServerResponse> handlePost(ServerRequest request) {
		Rejection rejection = checkRequest(request);
		rejection = (rejection != null) ? rejection : checkPostHeaders(request);
		if (rejection != null) {
			return reject(request, rejection);
		}
		return readMessage(request, (message) -> handleMessage(request, message));
	}

	/**
	 * Handle a GET: open the stream of server messages of a session.
	 * @param request the HTTP request
	 * @return the HTTP response
	 */
	public Mono<ServerResponse> handleGet(ServerRequest request) {
		Rejection rejection = checkRequest(request);
		if (rejection != null) {
			return reject(request, rejection);
		}
		if (!getServerHandler().isSessionsEnabled() || isStatelessRevision(request)) {
			return methodNotAllowed(request);
		}
		rejection = checkProtocolVersion(request);
		if (rejection != null) {
			return reject(request, rejection);
		}
		if (!accepts(request, MediaType.TEXT_EVENT_STREAM)) {
			return error(HttpStatus.NOT_ACCEPTABLE, "Accept must include text/event-stream");
		}
		return withSession(request, (session, principal) -> {
			String lastEventId = request.headers().firstHeader("Last-Event-ID");
			Flux<McpEventStore.Event> replay = (lastEventId != null)
					? this.eventStore.resume(session.getId(), lastEventId) : null;
			if (lastEventId != null && replay == null) {
				return error(HttpStatus.BAD_REQUEST, "Unknown Last-Event-ID");
			}
			OpenStreams.Place place = getServerHandler().getOpenStreams().tryOpen();
			if (place == null) {
				return tooManyStreams(null);
			}
			if (replay != null) {
				return sse(ServerResponse.ok(), events(place.heldBy(replay)));
			}
			McpEventStore.EventStream stream = this.eventStore.create(session.getId());
			Disposable subscription = getServerHandler().getSessionChannels()
				.open(session.getId())
				.subscribe(stream::emit, (ex) -> stream.complete(), stream::complete);
			return sse(ServerResponse.ok(),
					events(place.heldBy(stream.events().doFinally((signal) -> subscription.dispose()))), true);
		});
	}

	/**
	 * Handle a DELETE: end a session.
	 * @param request the HTTP request
	 * @return the HTTP response
	 */
	public Mono<ServerResponse> handleDelete(ServerRequest request) {
		Rejection rejection = checkRequest(request);
		if (rejection != null) {
			return reject(request, rejection);
		}
		if (!getServerHandler().isSessionsEnabled() || isStatelessRevision(request)) {
			return methodNotAllowed(request);
		}
		rejection = checkProtocolVersion(request);
		if (rejection != null) {
			return reject(request, rejection);
		}
		return withSession(request, (session, principal) -> getServerHandler().closeSession(session.getId())
			.then(ServerResponse.noContent().build()));
	}

	/**
	 * Handle any other method with 405 and the allowed methods.
	 * @param request the HTTP request
	 * @return the HTTP response
	 */
	public Mono<ServerResponse> handleOther(ServerRequest request) {
		Rejection rejection = checkRequest(request);
		if (rejection != null) {
			return reject(request, rejection);
		}
		return methodNotAllowed(request);
	}

	/**
	 * Answer 405: GET and DELETE serve sessions only, which a server without sessions,
	 * or a request of a stateless revision, has none of.
	 */
	private Mono<ServerResponse> methodNotAllowed(ServerRequest request) {
		String allowed = (getServerHandler().isSessionsEnabled() && !isStatelessRevision(request)) ? ALLOWED_METHODS
				: "POST";
		return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, allowed).build();
	}

	private static boolean isStatelessRevision(ServerRequest request) {
		String version = request.headers().firstHeader(McpHttpHeaders.MCP_PROTOCOL_VERSION);
		return version != null && ProtocolVersions.SUPPORTED_STATELESS.contains(version);
	}

	private Mono<ServerResponse> handleMessage(ServerRequest request, JsonRpcMessage message) {
		if (isStateless(request, message)) {
			return handleStateless(request, message);
		}
		if (message instanceof JsonRpcRequest rpcRequest && "initialize".equals(rpcRequest.method())) {
			return initialize(request, rpcRequest);
		}
		if (!getServerHandler().isSessionsEnabled()) {
			return handleWithoutSession(request, message);
		}
		return withSession(request, (session, principal) -> {
			Rejection rejection = checkProtocolVersion(request);
			if (rejection != null) {
				return reject(rejection);
			}
			if (message instanceof JsonRpcRequest rpcRequest) {
				String version = request.headers().firstHeader(McpHttpHeaders.MCP_PROTOCOL_VERSION);
				return serve(rpcRequest, session, (version != null) ? version : session.getProtocolVersion(), principal);
			}
			if (message instanceof JsonRpcResponse response) {
				getServerHandler().handleResponse(response, session);
				return ServerResponse.accepted().build();
			}
			return getServerHandler().handleNotification((JsonRpcNotification) message, session)
				.then(ServerResponse.accepted().build());
		});
	}

	/**
	 * Serve a session-era message when sessions are disabled: every request stands
	 * alone, so any replica behind a round-robin load balancer can answer it.
	 */
	private Mono<ServerResponse> handleWithoutSession(ServerRequest request, JsonRpcMessage message) {
		Rejection rejection = checkProtocolVersion(request);
		if (rejection != null) {
			return reject(rejection);
		}
		if (message instanceof JsonRpcRequest rpcRequest) {
			String version = request.headers().firstHeader(McpHttpHeaders.MCP_PROTOCOL_VERSION);
			String served = (version != null) ? version : ProtocolVersions.DEFAULT_WITHOUT_HEADER;
			return principal(request).flatMap((principal) -> serve(rpcRequest, null, served, principal.orElse(null)));
		}
		if (message instanceof JsonRpcResponse response) {
			getServerHandler().handleResponse(response, null);
		}
		// a notification without a session cannot name its sender: a cancellation would
		// stop whichever client's request has that id
		return ServerResponse.accepted().build();
	}

	/**
	 * Whether a message is served statelessly: its protocol version header names a
	 * stateless revision, or it has no header and no session but carries the protocol
	 * version in {@code _meta}.
	 */
	private static boolean isStateless(ServerRequest request, JsonRpcMessage message) {
		String version = request.headers().firstHeader(McpHttpHeaders.MCP_PROTOCOL_VERSION);
		if (version != null) {
			return ProtocolVersions.isStateless(version);
		}
		return request.headers().firstHeader(McpHttpHeaders.MCP_SESSION_ID) == null
				&& message instanceof JsonRpcRequest rpcRequest && rpcRequest.params() != null
				&& rpcRequest.params().path("_meta").has(McpRequest.PROTOCOL_VERSION_META);
	}

	private Mono<ServerResponse> handleStateless(ServerRequest request, JsonRpcMessage message) {
		String header = request.headers().firstHeader(McpHttpHeaders.MCP_PROTOCOL_VERSION);
		if (header != null && !ProtocolVersions.SUPPORTED_STATELESS.contains(header)) {
			JsonNode id = (message instanceof JsonRpcRequest rpcRequest) ? rpcRequest.id() : null;
			return error(HttpStatus.BAD_REQUEST, getServerHandler().unsupportedVersion(header), id);
		}
		if (!(message instanceof JsonRpcRequest rpcRequest)) {
			return (message instanceof JsonRpcNotification) ? ServerResponse.accepted().build()
					: error(HttpStatus.BAD_REQUEST, "Clients must not send responses on this protocol revision");
		}
		if (hasRequiredMeta(rpcRequest)) {
			String mismatch = StandardHeaderValidator.validate(request.headers()::firstHeader, rpcRequest,
					toolSchema(rpcRequest));
			if (mismatch != null) {
				return error(HttpStatus.BAD_REQUEST,
						JsonRpcError.of(StandardHeaderValidator.HEADER_MISMATCH, "Header mismatch: " + mismatch),
						rpcRequest.id());
			}
		}
		String version = (header != null) ? header : ProtocolVersions.STATELESS;
		return principal(request).flatMap((principal) -> {
			if ("subscriptions/listen".equals(rpcRequest.method())) {
				McpRequest mcpRequest = new McpRequest(rpcRequest, null, version, McpClientChannel.discard(),
						principal.orElse(null));
				return listen(mcpRequest);
			}
			ResponseRouter router = new ResponseRouter((id) -> new UnbufferedEventStream(), "", false);
			McpRequest mcpRequest = new McpRequest(rpcRequest, null, version, router, principal.orElse(null));
			Disposable work = getServerHandler().handle(mcpRequest)
				.subscribe((response) -> router.complete(response.message()), (ex) -> fail(router, rpcRequest, ex),
						() -> router.complete(null));
			return router.outcome()
				.flatMap((outcome) -> respondStateless(outcome, router, work))
				.doOnCancel(work::dispose);
		});
	}

	private Mono<ServerResponse> listen(McpRequest mcpRequest) {
		Flux<JsonRpcMessage> notifications;
		try {
			notifications = getServerHandler().listen(mcpRequest);
		}
		catch (JsonRpcException ex) {
			return error(statusOf(ex.getError().code()), ex.getError(), mcpRequest.message().id());
		}
		OpenStreams.Place place = getServerHandler().getOpenStreams().tryOpen();
		if (place == null) {
			return tooManyStreams(mcpRequest.message().id());
		}
		return sse(ServerResponse.ok().header("X-Accel-Buffering", "no"),
				place.heldBy(notifications).map((notification) -> event(null, notification)), true);
	}

	private Mono<ServerResponse> respondStateless(ResponseRouter.Outcome outcome, ResponseRouter router,
			Disposable work) {
		if (outcome.stream() != null) {
			return stream(ServerResponse.ok().header("X-Accel-Buffering", "no"), router,
					outcome.stream().events().doOnCancel(work::dispose));
		}
		JsonRpcResponse response = outcome.response();
		if (response == null) {
			return ServerResponse.accepted().build();
		}
		HttpStatus status = (response.error() != null) ? statusOf(response.error().code()) : HttpStatus.OK;
		return json(ServerResponse.status(status), response);
	}

	private static HttpStatus statusOf(int code) {
		return switch (code) {
			case JsonRpcErrorCodes.METHOD_NOT_FOUND -> HttpStatus.NOT_FOUND;
			case JsonRpcErrorCodes.INVALID_PARAMS, JsonRpcErrorCodes.INVALID_REQUEST,
					StandardHeaderValidator.HEADER_MISMATCH, -32021, -32022 ->
				HttpStatus.BAD_REQUEST;
			default -> HttpStatus.OK;
		};
	}

	private static boolean hasRequiredMeta(JsonRpcRequest request) {
		JsonNode meta = (request.params() != null) ? request.params().get("_meta") : null;
		return meta != null && meta.path(McpRequest.PROTOCOL_VERSION_META).isString()
				&& meta.path(McpRequest.CLIENT_CAPABILITIES_META).isObject();
	}

	private @Nullable ObjectNode toolSchema(JsonRpcRequest request) {
		if (!"tools/call".equals(request.method()) || request.params() == null) {
			return null;
		}
		ToolHandler tool = getServerHandler().getFeatures().tools().get(request.params().path("name").asString(""));
		return (tool != null) ? tool.getTool().inputSchema() : null;
	}

	private Mono<ServerResponse> initialize(ServerRequest request, JsonRpcRequest rpcRequest) {
		if (request.headers().firstHeader(McpHttpHeaders.MCP_SESSION_ID) != null) {
			return error(HttpStatus.BAD_REQUEST, JsonRpcError.of(JsonRpcErrorCodes.INVALID_REQUEST,
					"Session already initialized"), rpcRequest.id());
		}
		return principal(request).flatMap((principal) -> {
			McpRequest mcpRequest = new McpRequest(rpcRequest, null, ProtocolVersions.LATEST,
					McpClientChannel.discard(), principal.orElse(null));
			return getServerHandler().handle(mcpRequest);
		}).flatMap((response) -> {
			ServerResponse.BodyBuilder builder = ServerResponse.ok();
			if (response.createdSession() != null) {
				builder.header(McpHttpHeaders.MCP_SESSION_ID, response.createdSession().getId());
			}
			return json(builder, response.message());
		});
	}

	private Mono<ServerResponse> serve(JsonRpcRequest rpcRequest, @Nullable McpSession session, String version,
			@Nullable Principal principal) {
		ResponseRouter router = (session != null)
				? new ResponseRouter(this.eventStore::create, session.getId(), this.responseMode == ResponseMode.SSE)
				: new ResponseRouter((id) -> new UnbufferedEventStream(), "", this.responseMode == ResponseMode.SSE);
		McpClientChannel channel = (this.responseMode != ResponseMode.JSON) ? router
				: (session != null) ? (message) -> getServerHandler().getSessionChannels().send(session.getId(), message)
						: McpClientChannel.discard();
		McpRequest mcpRequest = new McpRequest(rpcRequest, session, version, channel, principal);
		getServerHandler().handle(mcpRequest)
			.subscribe((response) -> router.complete(response.message()), (ex) -> fail(router, rpcRequest, ex),
					() -> router.complete(null));
		return router.outcome().flatMap((outcome) -> respond(outcome, router));
	}

	private static void fail(ResponseRouter router, JsonRpcRequest rpcRequest, Throwable ex) {
		if (ex instanceof JsonRpcException rpcException) {
			router.fail(ex, JsonRpcResponse.failure(rpcRequest.id(), rpcException.getError()));
		}
		else {
			router.complete(null);
		}
	}

	private Mono<ServerResponse> respond(ResponseRouter.Outcome outcome, ResponseRouter router) {
		if (outcome.stream() != null) {
			return stream(ServerResponse.ok(), router, outcome.stream().events());
		}
		if (outcome.response() == null) {
			return ServerResponse.accepted().build();
		}
		return json(outcome.response());
	}

	/**
	 * Serve a request of an existing session owned by the caller, with the caller's
	 * principal, resolved once for both.
	 */
	private Mono<ServerResponse> withSession(ServerRequest request,
			BiFunction<McpSession, @Nullable Principal, Mono<ServerResponse>> handler) {
		String sessionId = request.headers().firstHeader(McpHttpHeaders.MCP_SESSION_ID);
		if (sessionId == null) {
			return error(HttpStatus.BAD_REQUEST,
					"Missing " + McpHttpHeaders.MCP_SESSION_ID + " header");
		}
		return principal(request).flatMap((principal) -> getServerHandler().getSessionRepository()
			.findById(sessionId)
			.filter((session) -> session.isOwnedBy(nameOf(principal)))
			.flatMap((session) -> handler.apply(session, principal.orElse(null))))
			.switchIfEmpty(Mono.defer(() -> error(HttpStatus.NOT_FOUND, "Session not found")));
	}

	private @Nullable Rejection checkPostHeaders(ServerRequest request) {
		List<MediaType> accept = accepted(request);
		for (MediaType required : REQUIRED_POST_ACCEPT) {
			if (accept.stream().noneMatch((candidate) -> candidate.includes(required))) {
				return new Rejection(HttpStatus.NOT_ACCEPTABLE,
						"Accept must include application/json and text/event-stream");
			}
		}
		return checkJsonBody(request);
	}

	private Flux<ServerSentEvent<String>> events(Flux<McpEventStore.Event> events) {
		return events.map((event) -> event(event.id(), event.message()));
	}

	/**
	 * Answer a request with the SSE stream of its messages. A request already answered
	 * (a tool that finished while the request was handled) has every event in the
	 * stream: they go out as one body with a length, in a single write, where a live
	 * stream needs a chunk per event, keep-alive comments and a final empty chunk. The
	 * encoding is compact, so each message is one {@code data} line.
	 */
	private Mono<ServerResponse> stream(ServerResponse.BodyBuilder builder, ResponseRouter router,
			Flux<McpEventStore.Event> events) {
		if (!router.isComplete()) {
			return sse(builder, events(events));
		}
		return events.collectList()
			.flatMap((list) -> write(builder.contentType(MediaType.TEXT_EVENT_STREAM), (output) -> {
				for (McpEventStore.Event event : list) {
					if (event.id() != null) {
						output.write(("id:" + event.id() + "\n").getBytes(StandardCharsets.UTF_8));
					}
					output.write(EVENT_DATA_PREFIX);
					getCodec().encode(event.message(), output);
					output.write(EVENT_END);
				}
			}));
	}

	private @Nullable Rejection checkProtocolVersion(ServerRequest request) {
		String version = request.headers().firstHeader(McpHttpHeaders.MCP_PROTOCOL_VERSION);
		if (version == null || ProtocolVersions.isSupported(version)) {
			return null;
		}
		return new Rejection(HttpStatus.BAD_REQUEST, "Unsupported " + McpHttpHeaders.MCP_PROTOCOL_VERSION + ", supported: " + ProtocolVersions.SUPPORTED);
	}

	/**
	 * How POST requests are answered.
	 */
	public enum ResponseMode {

		/**
		 * One {@code application/json} response, unless messages must go ahead of it,
		 * then a {@code text/event-stream}.
		 */
		AUTO,

		/**
		 * Always one {@code application/json} response; messages for the client go to
		 * the session's GET stream.
		 */
		JSON,

		/**
		 * A {@code text/event-stream} carrying the response.
		 */
		SSE

	}

}
