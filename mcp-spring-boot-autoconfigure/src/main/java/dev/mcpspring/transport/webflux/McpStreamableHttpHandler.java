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
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import dev.mcpspring.model.ProtocolVersions;
import dev.mcpspring.server.McpCall;
import dev.mcpspring.server.McpClientChannel;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpSessionService;
import dev.mcpspring.server.ToolHandler;
import dev.mcpspring.server.session.McpSession;
import dev.mcpspring.transport.support.McpEventStore;
import dev.mcpspring.transport.support.McpHttpErrors;
import dev.mcpspring.transport.support.McpHttpHeaders;
import dev.mcpspring.transport.support.OriginValidator;
import dev.mcpspring.transport.support.ResponseRouter;
import dev.mcpspring.transport.support.StandardHeaderValidator;
import dev.mcpspring.transport.support.UnbufferedEventStream;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The MCP Streamable HTTP transport on WebFlux: POST carries client messages, GET opens a
 * stream for server messages, DELETE ends a session. Checks the HTTP rules of the
 * transport, decodes, hands each message to the {@link McpSessionService}, which decides
 * how it is served, and encodes the answer as JSON or as an SSE stream.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http">Streamable
 * HTTP</a>
 */
public class McpStreamableHttpHandler extends AbstractMcpHttpHandler {

	private static final MediaType[] REQUIRED_POST_ACCEPT = { MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM };

	private static final String ALLOWED_METHODS = "GET, POST, DELETE";

	private static final byte[] EVENT_DATA_PREFIX = "event:message\ndata:".getBytes(StandardCharsets.UTF_8);

	private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.UTF_8);

	private final ResponseMode responseMode;

	private final McpEventStore eventStore;

	/**
	 * Create a handler.
	 * @param sessionService the server, as transports see it
	 * @param codec the JSON-RPC codec
	 * @param originValidator the Host and Origin check
	 * @param maxRequestBytes the largest accepted request body
	 * @param responseMode how POST requests are answered
	 * @param keepAliveInterval how often idle streams send a comment
	 * @param eventStore keeps stream events for resumption
	 */
	public McpStreamableHttpHandler(McpSessionService sessionService, JsonRpcCodec codec,
			OriginValidator originValidator, int maxRequestBytes, ResponseMode responseMode, Duration keepAliveInterval,
			McpEventStore eventStore) {
		super(sessionService, codec, originValidator, maxRequestBytes, keepAliveInterval);
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
	 * Handle a GET: open the stream of server messages of a session, or resume a stream
	 * after the last event the client received.
	 * @param request the HTTP request
	 * @return the HTTP response
	 */
	public Mono<ServerResponse> handleGet(ServerRequest request) {
		Rejection rejection = checkSessionRequest(request);
		if (rejection != null) {
			return reject(request, rejection);
		}
		if (!getSessionService().isSessionsEnabled() || isStatelessRevision(request)) {
			return methodNotAllowed(request);
		}
		if (!accepts(request, MediaType.TEXT_EVENT_STREAM)) {
			return error(HttpStatus.NOT_ACCEPTABLE, "Accept must include text/event-stream");
		}
		return withSession(request, (session, principal) -> {
			String lastEventId = request.headers().firstHeader("Last-Event-ID");
			if (lastEventId == null) {
				return sse(ServerResponse.ok(), events(getSessionService().hold(Flux.defer(() -> openStream(session)))),
						true);
			}
			return this.eventStore.resume(session.getId(), lastEventId)
				.flatMap((replay) -> sse(ServerResponse.ok(), events(getSessionService().hold(replay))))
				.switchIfEmpty(Mono.defer(() -> error(HttpStatus.BAD_REQUEST, "Unknown Last-Event-ID")));
		});
	}

	/**
	 * Open the stream of a session, whose events the store keeps for resumption.
	 */
	private Flux<McpEventStore.Event> openStream(McpSession session) {
		McpEventStore.EventStream stream = this.eventStore.create(session.getId());
		Disposable messages = getSessionService().attach(session)
			.subscribe(stream::emit, (ex) -> stream.complete(), stream::complete);
		return stream.events().doFinally((signal) -> messages.dispose());
	}

	/**
	 * Handle a DELETE: end a session.
	 * @param request the HTTP request
	 * @return the HTTP response
	 */
	public Mono<ServerResponse> handleDelete(ServerRequest request) {
		Rejection rejection = checkSessionRequest(request);
		if (rejection != null) {
			return reject(request, rejection);
		}
		if (!getSessionService().isSessionsEnabled() || isStatelessRevision(request)) {
			return methodNotAllowed(request);
		}
		return withSession(request, (session, principal) -> getSessionService().close(session.getId(), principal)
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
	 * Answer 405: GET and DELETE serve sessions only, which a server without sessions, or
	 * a request of a stateless revision, has none of.
	 */
	private Mono<ServerResponse> methodNotAllowed(ServerRequest request) {
		String allowed = (getSessionService().isSessionsEnabled() && !isStatelessRevision(request)) ? ALLOWED_METHODS
				: "POST";
		return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, allowed).build();
	}

	private static boolean isStatelessRevision(ServerRequest request) {
		String version = request.headers().firstHeader(McpHttpHeaders.MCP_PROTOCOL_VERSION);
		return version != null && ProtocolVersions.SUPPORTED_STATELESS.contains(version);
	}

	private Mono<ServerResponse> handleMessage(ServerRequest request, JsonRpcMessage message) {
		String sessionId = request.headers().firstHeader(McpHttpHeaders.MCP_SESSION_ID);
		String version = request.headers().firstHeader(McpHttpHeaders.MCP_PROTOCOL_VERSION);
		return principal(request)
			.flatMap((principal) -> getSessionService().accept(message, sessionId, version, principal.orElse(null),
					exposedHeaders(request)))
			.flatMap((call) -> {
				if (call.isListen()) {
					return listen(call);
				}
				if (!call.isRequest()) {
					return getSessionService().deliver(call).then(ServerResponse.accepted().build());
				}
				if (call.kind() == McpCall.Kind.INITIALIZE) {
					return initialize(call);
				}
				if (call.kind() == McpCall.Kind.STATELESS) {
					JsonRpcError mismatch = headerMismatch(request, (JsonRpcRequest) message);
					if (mismatch != null) {
						return error(McpHttpErrors.statusOf(mismatch.code()), mismatch,
								((JsonRpcRequest) message).id());
					}
				}
				return serve(call);
			})
			.onErrorResume((ex) -> failure(ex, idOf(message)));
	}

	/**
	 * Check that the routing headers of a stateless request agree with its body.
	 */
	private @Nullable JsonRpcError headerMismatch(ServerRequest request, JsonRpcRequest message) {
		if (!hasRequiredMeta(message)) {
			return null;
		}
		String mismatch = StandardHeaderValidator.validate(request.headers()::firstHeader, message,
				toolSchema(message));
		return (mismatch != null) ? JsonRpcError.of(JsonRpcErrorCodes.HEADER_MISMATCH, "Header mismatch: " + mismatch)
				: null;
	}

	private Mono<ServerResponse> listen(McpCall call) {
		JsonNode id = ((JsonRpcRequest) call.message()).id();
		Flux<JsonRpcMessage> notifications;
		try {
			notifications = getSessionService().listen(call);
		}
		catch (JsonRpcException ex) {
			return error(McpHttpErrors.statusOf(ex.getError().code()), ex.getError(), id);
		}
		catch (RuntimeException ex) {
			return failure(ex, id);
		}
		return sse(ServerResponse.ok().header("X-Accel-Buffering", "no"),
				notifications.map((notification) -> event(null, notification)), true);
	}

	private Mono<ServerResponse> initialize(McpCall call) {
		return getSessionService().serve(call, McpClientChannel.discard()).flatMap((response) -> {
			ServerResponse.BodyBuilder builder = ServerResponse.ok();
			if (response.createdSession() != null) {
				builder.header(McpHttpHeaders.MCP_SESSION_ID, response.createdSession().getId());
			}
			return json(builder, response.message());
		});
	}

	/**
	 * Serve a request, answering with one JSON response or, once a message must go ahead
	 * of the response, an SSE stream. The work of a session request goes on when the
	 * client disconnects (it may resume the stream); a stateless request has nobody to
	 * resume it, so its work stops.
	 */
	private Mono<ServerResponse> serve(McpCall call) {
		JsonRpcRequest rpcRequest = (JsonRpcRequest) call.message();
		McpSession session = call.session();
		boolean stateless = call.kind() == McpCall.Kind.STATELESS;
		boolean streamFromStart = !stateless && this.responseMode == ResponseMode.SSE;
		ResponseRouter router = (session != null)
				? new ResponseRouter((id) -> this.eventStore.create(id, rpcRequest.id()), session.getId(),
						streamFromStart)
				: new ResponseRouter((id) -> new UnbufferedEventStream(), "", streamFromStart);
		McpClientChannel channel = (this.responseMode != ResponseMode.JSON || stateless) ? router
				: (session != null) ? getSessionService().channelOf(session) : McpClientChannel.discard();
		Disposable work = getSessionService().serve(call, channel)
			.subscribe((response) -> router.complete(response.message()), (ex) -> fail(router, rpcRequest, ex),
					() -> router.complete(null));
		Mono<ServerResponse> response = router.outcome()
			.flatMap((outcome) -> stateless ? respondStateless(outcome, router, work) : respond(outcome, router))
			.onErrorResume((ex) -> failure(ex, rpcRequest.id()));
		return stateless ? response.doOnCancel(work::dispose) : response;
	}

	/**
	 * Fail a request with an error the transport answers with a status of its own; once a
	 * stream is open, the stream ends with the JSON-RPC error instead.
	 */
	private static void fail(ResponseRouter router, JsonRpcRequest rpcRequest, Throwable ex) {
		JsonRpcResponse fallback = McpHttpErrors.of(ex, rpcRequest.id()).body();
		router.fail(ex, (ex instanceof JsonRpcException rpcException)
				? JsonRpcResponse.failure(rpcRequest.id(), rpcException.getError()) : fallback);
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
		HttpStatus status = (response.error() != null) ? McpHttpErrors.statusOf(response.error().code())
				: HttpStatus.OK;
		return json(ServerResponse.status(status), response);
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

	private static boolean hasRequiredMeta(JsonRpcRequest request) {
		JsonNode meta = (request.params() != null) ? request.params().get("_meta") : null;
		return meta != null && meta.path(McpRequest.PROTOCOL_VERSION_META).isString()
				&& meta.path(McpRequest.CLIENT_CAPABILITIES_META).isObject();
	}

	private @Nullable ObjectNode toolSchema(JsonRpcRequest request) {
		if (!"tools/call".equals(request.method()) || request.params() == null) {
			return null;
		}
		ToolHandler tool = getSessionService().getEngine()
			.getFeatures()
			.tools()
			.get(request.params().path("name").asString(""));
		return (tool != null) ? tool.getTool().inputSchema() : null;
	}

	/**
	 * Run a GET or DELETE for a session the caller owns: the session id header is
	 * required, the session must exist.
	 */
	private Mono<ServerResponse> withSession(ServerRequest request,
			BiFunction<McpSession, @Nullable Principal, Mono<ServerResponse>> handler) {
		String sessionId = request.headers().firstHeader(McpHttpHeaders.MCP_SESSION_ID);
		if (sessionId == null) {
			return error(HttpStatus.BAD_REQUEST, "Missing " + McpHttpHeaders.MCP_SESSION_ID + " header");
		}
		return principal(request)
			.flatMap((principal) -> getSessionService().find(sessionId, principal.orElse(null))
				.flatMap((session) -> handler.apply(session, principal.orElse(null))))
			.onErrorResume((ex) -> failure(ex, null));
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

	/**
	 * The checks of GET and DELETE: those of every request, and a supported protocol
	 * version when one is given.
	 */
	private @Nullable Rejection checkSessionRequest(ServerRequest request) {
		Rejection rejection = checkRequest(request);
		if (rejection != null) {
			return rejection;
		}
		String version = request.headers().firstHeader(McpHttpHeaders.MCP_PROTOCOL_VERSION);
		if (version == null || ProtocolVersions.isSupported(version)
				|| ProtocolVersions.SUPPORTED_STATELESS.contains(version)) {
			return null;
		}
		return new Rejection(HttpStatus.BAD_REQUEST,
				"Unsupported " + McpHttpHeaders.MCP_PROTOCOL_VERSION + ", supported: " + ProtocolVersions.SUPPORTED);
	}

	private Flux<ServerSentEvent<String>> events(Flux<McpEventStore.Event> events) {
		return events.map((event) -> event(event.id(), event.message()));
	}

	/**
	 * Answer a request with the SSE stream of its messages. A request already answered (a
	 * tool that finished while the request was handled) has every event in the stream:
	 * they go out as one body with a length, in a single write, where a live stream needs
	 * a chunk per event, keep-alive comments and a final empty chunk. The encoding is
	 * compact, so each message is one {@code data} line.
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
		 * Always one {@code application/json} response; messages for the client go to the
		 * session's GET stream.
		 */
		JSON,

		/**
		 * A {@code text/event-stream} carrying the response.
		 */
		SSE

	}

}
