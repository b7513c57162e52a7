package dev.mcpspring.transport.webflux;

import java.time.Duration;
import java.util.List;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcException;
import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.jsonrpc.JsonRpcNotification;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpResponse;
import dev.mcpspring.server.McpServerHandler;
import dev.mcpspring.server.ProtocolVersions;
import dev.mcpspring.server.session.McpSession;
import dev.mcpspring.server.session.SessionLimitExceededException;
import dev.mcpspring.transport.support.McpHttpHeaders;
import dev.mcpspring.transport.support.OriginValidator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.BodyInserters;
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
public class McpStreamableHttpHandler {

	private static final MediaType[] REQUIRED_POST_ACCEPT = { MediaType.APPLICATION_JSON,
			MediaType.TEXT_EVENT_STREAM };

	private static final String ALLOWED_METHODS = "GET, POST, DELETE";

	private final McpServerHandler serverHandler;

	private final JsonRpcCodec codec;

	private final OriginValidator originValidator;

	private final int maxRequestBytes;

	private final ResponseMode responseMode;

	private final Duration keepAliveInterval;

	private final Sinks.Many<String> terminatedSessions = Sinks.many().multicast().directBestEffort();

	/**
	 * Create a handler.
	 * @param serverHandler the engine
	 * @param codec the JSON-RPC codec
	 * @param originValidator the Host and Origin check
	 * @param maxRequestBytes the largest accepted request body
	 * @param responseMode how POST requests are answered
	 * @param keepAliveInterval how often idle streams send a comment
	 */
	public McpStreamableHttpHandler(McpServerHandler serverHandler, JsonRpcCodec codec,
			OriginValidator originValidator, int maxRequestBytes, ResponseMode responseMode,
			Duration keepAliveInterval) {
		Assert.notNull(serverHandler, "McpServerHandler is required");
		Assert.isTrue(maxRequestBytes > 0, "maxRequestBytes must be positive");
		Assert.isTrue(!keepAliveInterval.isNegative() && !keepAliveInterval.isZero(), "keepAliveInterval must be positive");
		this.serverHandler = serverHandler;
		this.codec = codec;
		this.originValidator = originValidator;
		this.maxRequestBytes = maxRequestBytes;
		this.responseMode = responseMode;
		this.keepAliveInterval = keepAliveInterval;
	}

	/**
	 * Handle a POST: one JSON-RPC request, notification or response.
	 * @param request the HTTP request
	 * @return the HTTP response
	 */
	public Mono<ServerResponse> handlePost(ServerRequest request) {
		Rejection rejection = checkOrigin(request);
		rejection = (rejection != null) ? rejection : checkPostHeaders(request);
		if (rejection != null) {
			return reject(rejection);
		}
		return readBody(request).flatMap((body) -> handleMessage(request, this.codec.decode(body)))
			.onErrorResume(DataBufferLimitException.class,
					(ex) -> error(HttpStatus.PAYLOAD_TOO_LARGE, JsonRpcErrorCodes.INVALID_REQUEST,
							"Request body too large"))
			.onErrorResume(JsonRpcException.class,
					(ex) -> error(HttpStatus.BAD_REQUEST, ex.getError(), ex.getId()))
			.onErrorResume(SessionLimitExceededException.class,
					(ex) -> ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
						.header(HttpHeaders.RETRY_AFTER, "30")
						.contentType(MediaType.APPLICATION_JSON)
						.bodyValue(encodeError(JsonRpcError.of(JsonRpcErrorCodes.INTERNAL_ERROR,
								"Too many sessions, try again later"), null)));
	}

	/**
	 * Handle a GET: open the stream of server messages of a session.
	 * @param request the HTTP request
	 * @return the HTTP response
	 */
	public Mono<ServerResponse> handleGet(ServerRequest request) {
		Rejection rejection = checkOrigin(request);
		if (rejection != null) {
			return reject(rejection);
		}
		if (!accepts(request, MediaType.TEXT_EVENT_STREAM)) {
			return error(HttpStatus.NOT_ACCEPTABLE, JsonRpcErrorCodes.INVALID_REQUEST,
					"Accept must include text/event-stream");
		}
		return withSession(request, (session) -> {
			Flux<ServerSentEvent<String>> keepAlive = Flux.interval(this.keepAliveInterval)
				.map((tick) -> ServerSentEvent.<String>builder().comment("keep-alive").build());
			Flux<ServerSentEvent<String>> events = keepAlive
				.takeUntilOther(this.terminatedSessions.asFlux().filter(session.getId()::equals));
			return ServerResponse.ok()
				.contentType(MediaType.TEXT_EVENT_STREAM)
				.body(BodyInserters.fromServerSentEvents(events));
		});
	}

	/**
	 * Handle a DELETE: end a session.
	 * @param request the HTTP request
	 * @return the HTTP response
	 */
	public Mono<ServerResponse> handleDelete(ServerRequest request) {
		Rejection rejection = checkOrigin(request);
		if (rejection != null) {
			return reject(rejection);
		}
		return withSession(request, (session) -> this.serverHandler.getSessionRepository()
			.deleteById(session.getId())
			.doOnNext((deleted) -> this.terminatedSessions.tryEmitNext(session.getId()))
			.then(ServerResponse.noContent().build()));
	}

	/**
	 * Handle any other method with 405 and the allowed methods.
	 * @param request the HTTP request
	 * @return the HTTP response
	 */
	public Mono<ServerResponse> handleOther(ServerRequest request) {
		return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, ALLOWED_METHODS).build();
	}

	private Mono<ServerResponse> handleMessage(ServerRequest request, JsonRpcMessage message) {
		if (message instanceof JsonRpcRequest rpcRequest && "initialize".equals(rpcRequest.method())) {
			return initialize(request, rpcRequest);
		}
		return withSession(request, (session) -> {
			Rejection rejection = checkProtocolVersion(request);
			if (rejection != null) {
				return reject(rejection);
			}
			if (message instanceof JsonRpcRequest rpcRequest) {
				String version = request.headers().firstHeader(McpHttpHeaders.MCP_PROTOCOL_VERSION);
				McpRequest mcpRequest = new McpRequest(rpcRequest, session,
						(version != null) ? version : session.getProtocolVersion());
				return this.serverHandler.handle(mcpRequest).flatMap((response) -> respond(response, null));
			}
			Mono<Void> handled = (message instanceof JsonRpcNotification notification)
					? this.serverHandler.handleNotification(notification, session) : Mono.empty();
			return handled.then(ServerResponse.accepted().build());
		});
	}

	private Mono<ServerResponse> initialize(ServerRequest request, JsonRpcRequest rpcRequest) {
		if (request.headers().firstHeader(McpHttpHeaders.MCP_SESSION_ID) != null) {
			return error(HttpStatus.BAD_REQUEST, JsonRpcError.of(JsonRpcErrorCodes.INVALID_REQUEST,
					"Session already initialized"), rpcRequest.id());
		}
		McpRequest mcpRequest = new McpRequest(rpcRequest, null, ProtocolVersions.LATEST);
		return this.serverHandler.handle(mcpRequest)
			.flatMap((response) -> respond(response, response.createdSession()));
	}

	private Mono<ServerResponse> respond(McpResponse response, @Nullable McpSession createdSession) {
		ServerResponse.BodyBuilder builder = ServerResponse.ok();
		if (createdSession != null) {
			builder.header(McpHttpHeaders.MCP_SESSION_ID, createdSession.getId());
		}
		if (this.responseMode == ResponseMode.SSE) {
			ServerSentEvent<String> event = ServerSentEvent.<String>builder()
				.event("message")
				.data(this.codec.encodeToString(response.message()))
				.build();
			return builder.contentType(MediaType.TEXT_EVENT_STREAM)
				.body(BodyInserters.fromServerSentEvents(Flux.just(event)));
		}
		return builder.contentType(MediaType.APPLICATION_JSON).bodyValue(this.codec.encode(response.message()));
	}

	private Mono<ServerResponse> withSession(ServerRequest request,
			java.util.function.Function<McpSession, Mono<ServerResponse>> handler) {
		String sessionId = request.headers().firstHeader(McpHttpHeaders.MCP_SESSION_ID);
		if (sessionId == null) {
			return error(HttpStatus.BAD_REQUEST, JsonRpcErrorCodes.INVALID_REQUEST,
					"Missing " + McpHttpHeaders.MCP_SESSION_ID + " header");
		}
		return this.serverHandler.getSessionRepository()
			.findById(sessionId)
			.flatMap(handler)
			.switchIfEmpty(Mono.defer(
					() -> error(HttpStatus.NOT_FOUND, JsonRpcErrorCodes.INVALID_REQUEST, "Session not found")));
	}

	private Mono<byte[]> readBody(ServerRequest request) {
		return DataBufferUtils.join(request.exchange().getRequest().getBody(), this.maxRequestBytes)
			.map((buffer) -> {
				try {
					byte[] bytes = new byte[buffer.readableByteCount()];
					buffer.read(bytes);
					return bytes;
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			})
			.defaultIfEmpty(new byte[0]);
	}

	private @Nullable Rejection checkOrigin(ServerRequest request) {
		HttpHeaders headers = request.headers().asHttpHeaders();
		if (this.originValidator.isAllowed(headers.getFirst(HttpHeaders.HOST), headers.getOrigin())) {
			return null;
		}
		return new Rejection(HttpStatus.FORBIDDEN, "Forbidden origin");
	}

	private @Nullable Rejection checkPostHeaders(ServerRequest request) {
		MediaType contentType = request.headers().contentType().orElse(null);
		if (contentType == null || !MediaType.APPLICATION_JSON.isCompatibleWith(contentType)) {
			return new Rejection(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
		}
		for (MediaType required : REQUIRED_POST_ACCEPT) {
			if (!accepts(request, required)) {
				return new Rejection(HttpStatus.NOT_ACCEPTABLE, "Accept must include application/json and text/event-stream");
			}
		}
		long contentLength = request.headers().contentLength().orElse(-1);
		if (contentLength > this.maxRequestBytes) {
			return new Rejection(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large");
		}
		return null;
	}

	private @Nullable Rejection checkProtocolVersion(ServerRequest request) {
		String version = request.headers().firstHeader(McpHttpHeaders.MCP_PROTOCOL_VERSION);
		if (version == null || ProtocolVersions.isSupported(version)) {
			return null;
		}
		return new Rejection(HttpStatus.BAD_REQUEST, "Unsupported " + McpHttpHeaders.MCP_PROTOCOL_VERSION + ", supported: " + ProtocolVersions.SUPPORTED);
	}

	private static boolean accepts(ServerRequest request, MediaType mediaType) {
		List<MediaType> accept = request.headers().accept();
		return accept.stream().anyMatch((candidate) -> candidate.includes(mediaType));
	}

	private Mono<ServerResponse> error(HttpStatus status, int code, String message) {
		return error(status, JsonRpcError.of(code, message), null);
	}

	private Mono<ServerResponse> error(HttpStatus status, JsonRpcError error,
			tools.jackson.databind.@Nullable JsonNode id) {
		return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(encodeError(error, id));
	}

	private Mono<ServerResponse> reject(Rejection rejection) {
		return error(rejection.status(), JsonRpcErrorCodes.INVALID_REQUEST, rejection.message());
	}

	private byte[] encodeError(JsonRpcError error, tools.jackson.databind.@Nullable JsonNode id) {
		return this.codec.encode(JsonRpcResponse.failure(id, error));
	}

	private record Rejection(HttpStatus status, String message) {

	}

	/**
	 * How POST requests are answered.
	 */
	public enum ResponseMode {

		/**
		 * One {@code application/json} response.
		 */
		JSON,

		/**
		 * A {@code text/event-stream} carrying the response.
		 */
		SSE

	}

}
