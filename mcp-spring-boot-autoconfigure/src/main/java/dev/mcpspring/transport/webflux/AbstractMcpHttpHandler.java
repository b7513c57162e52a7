package dev.mcpspring.transport.webflux;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcException;
import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import dev.mcpspring.server.InsufficientScopeException;
import dev.mcpspring.server.McpSessionService;
import dev.mcpspring.server.RequestHeaders;
import dev.mcpspring.transport.support.ExposedHeaders;
import dev.mcpspring.transport.support.HttpRequestRules;
import dev.mcpspring.transport.support.McpHttpErrors;
import dev.mcpspring.transport.support.OriginValidator;
import dev.mcpspring.transport.support.StreamWriteLimits;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Base of the WebFlux MCP transports: the checks every request passes (Origin and Host,
 * content type, body size), decoding, error responses and SSE writing.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public abstract class AbstractMcpHttpHandler {

	private static final boolean reactorNettyPresent = ClassUtils
		.isPresent("reactor.netty.http.server.HttpServerRequest", AbstractMcpHttpHandler.class.getClassLoader());

	/**
	 * Room for a small response; a buffer grows as needed.
	 */
	private static final int INITIAL_BUFFER_SIZE = 256;

	private final McpSessionService sessionService;

	private final JsonRpcCodec codec;

	private final OriginValidator originValidator;

	private final int maxRequestBytes;

	private final Duration keepAliveInterval;

	private StreamWriteLimits streamWriteLimits = StreamWriteLimits.defaults();

	private @Nullable String resourceMetadataUrl;

	private ExposedHeaders exposedHeaders = new ExposedHeaders(false);

	/**
	 * Create a handler.
	 * @param sessionService the server, as transports see it
	 * @param codec the JSON-RPC codec
	 * @param originValidator the Host and Origin check
	 * @param maxRequestBytes the largest accepted request body
	 * @param keepAliveInterval how often idle streams send a comment
	 */
	protected AbstractMcpHttpHandler(McpSessionService sessionService, JsonRpcCodec codec,
			OriginValidator originValidator, int maxRequestBytes, Duration keepAliveInterval) {
		Assert.notNull(sessionService, "McpSessionService is required");
		Assert.isTrue(maxRequestBytes > 0, "maxRequestBytes must be positive");
		Assert.isTrue(!keepAliveInterval.isNegative() && !keepAliveInterval.isZero(),
				"keepAliveInterval must be positive");
		this.sessionService = sessionService;
		this.codec = codec;
		this.originValidator = originValidator;
		this.maxRequestBytes = maxRequestBytes;
		this.keepAliveInterval = keepAliveInterval;
	}

	/**
	 * Set the URL of the OAuth protected resource metadata, added to
	 * {@code insufficient_scope} challenges.
	 * @param resourceMetadataUrl the URL, or {@code null} when not protected by OAuth
	 */
	public void setResourceMetadataUrl(@Nullable String resourceMetadataUrl) {
		this.resourceMetadataUrl = resourceMetadataUrl;
	}

	/**
	 * Set the limits of SSE streams whose client reads slowly.
	 * @param streamWriteLimits the limits
	 */
	public void setStreamWriteLimits(StreamWriteLimits streamWriteLimits) {
		Assert.notNull(streamWriteLimits, "StreamWriteLimits is required");
		this.streamWriteLimits = streamWriteLimits;
	}

	/**
	 * Set whether handlers may read the headers that carry credentials
	 * ({@code Authorization}, {@code Cookie} and the like), hidden by default.
	 * @param exposeSensitiveHeaders {@code true} to expose them
	 */
	public void setExposeSensitiveHeaders(boolean exposeSensitiveHeaders) {
		this.exposedHeaders = new ExposedHeaders(exposeSensitiveHeaders);
	}

	/**
	 * Return the headers of a request that handlers may read.
	 * @param request the HTTP request
	 * @return the exposed headers
	 */
	protected RequestHeaders exposedHeaders(ServerRequest request) {
		return this.exposedHeaders.of(request.headers().asHttpHeaders());
	}

	protected McpSessionService getSessionService() {
		return this.sessionService;
	}

	protected JsonRpcCodec getCodec() {
		return this.codec;
	}

	/**
	 * The checks every request passes first: no duplicated single-valued header, then
	 * Host (or the authority of an absolute-form target) and Origin.
	 * @param request the HTTP request
	 * @return a 400 or 403 rejection, or {@code null} if allowed
	 */
	protected @Nullable Rejection checkRequest(ServerRequest request) {
		HttpHeaders headers = request.headers().asHttpHeaders();
		String duplicate = HttpRequestRules.findDuplicate(headers);
		if (duplicate != null) {
			return new Rejection(HttpStatus.BAD_REQUEST, "Duplicate " + duplicate + " header");
		}
		String authority = absoluteFormAuthority(request);
		OriginValidator.Verdict verdict = this.originValidator
			.check((authority != null) ? authority : headers.getFirst(HttpHeaders.HOST), headers.getOrigin());
		if (verdict == OriginValidator.Verdict.ALLOWED && authority != null) {
			verdict = this.originValidator.check(headers.getFirst(HttpHeaders.HOST), null);
		}
		return switch (verdict) {
			case ALLOWED -> null;
			case FORBIDDEN_HOST -> new Rejection(HttpStatus.FORBIDDEN, "Forbidden host");
			case FORBIDDEN_ORIGIN -> new Rejection(HttpStatus.FORBIDDEN, "Forbidden origin");
		};
	}

	/**
	 * Return the authority of an absolute-form request target, which Spring's request URI
	 * does not keep: it is read from the server's own request where the server is Reactor
	 * Netty.
	 */
	private static @Nullable String absoluteFormAuthority(ServerRequest request) {
		if (!reactorNettyPresent) {
			return null;
		}
		return ReactorNettyRequests.absoluteFormAuthority(request);
	}

	/**
	 * Check that a POST carries UTF-8 JSON of an acceptable size.
	 * @param request the HTTP request
	 * @return a 415 or 413 rejection, or {@code null}
	 */
	protected @Nullable Rejection checkJsonBody(ServerRequest request) {
		if (!HttpRequestRules.isUtf8Json(request.headers().firstHeader(HttpHeaders.CONTENT_TYPE))) {
			return new Rejection(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
		}
		if (request.headers().contentLength().orElse(-1) > this.maxRequestBytes) {
			return new Rejection(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large");
		}
		return null;
	}

	/**
	 * Read and decode the body, bounded in size, then handle the message. Failures the
	 * handler does not answer itself become their HTTP errors ({@link McpHttpErrors}).
	 * @param request the HTTP request
	 * @param handler handles the decoded message
	 * @return the HTTP response
	 */
	protected Mono<ServerResponse> readMessage(ServerRequest request,
			Function<JsonRpcMessage, Mono<ServerResponse>> handler) {
		return DataBufferUtils.join(request.exchange().getRequest().getBody(), this.maxRequestBytes)
			.map(this::decode)
			.switchIfEmpty(Mono.fromSupplier(() -> this.codec.decode(InputStream.nullInputStream())))
			.flatMap(handler)
			.onErrorResume((ex) -> failure(ex, null));
	}

	/**
	 * Answer a failure that got no JSON-RPC response of its own: a missing scope with
	 * {@code 403} and a step-up challenge, anything else as {@link McpHttpErrors} says.
	 * @param ex the failure
	 * @param id the id of the request, when known
	 * @return the HTTP response
	 */
	protected Mono<ServerResponse> failure(Throwable ex, @Nullable JsonNode id) {
		if (ex instanceof InsufficientScopeException scopeException) {
			return insufficientScope(scopeException);
		}
		McpHttpErrors.HttpError error = McpHttpErrors.of(ex, id);
		ServerResponse.BodyBuilder builder = ServerResponse.status(error.status());
		if (error.retryLater()) {
			builder.header(HttpHeaders.RETRY_AFTER, error.retryAfter());
		}
		return json(builder, error.body());
	}

	/**
	 * Return the id of a request, so that an error answering it names it.
	 * @param message the message
	 * @return the id, or {@code null} for a notification or a response
	 */
	protected static @Nullable JsonNode idOf(JsonRpcMessage message) {
		return (message instanceof JsonRpcRequest request) ? request.id() : null;
	}

	/**
	 * Parse the body where it lies, in the buffer the server read it into.
	 */
	private JsonRpcMessage decode(DataBuffer body) {
		try (InputStream content = body.asInputStream(true)) {
			return this.codec.decode(content);
		}
		catch (IOException ex) {
			throw new JsonRpcException(JsonRpcErrorCodes.PARSE_ERROR, "Parse error");
		}
	}

	/**
	 * Answer {@code 403} with an {@code insufficient_scope} Bearer challenge naming the
	 * scopes to obtain, for step-up authorization.
	 * @param ex the error
	 * @return the HTTP response
	 */
	protected Mono<ServerResponse> insufficientScope(InsufficientScopeException ex) {
		StringBuilder challenge = new StringBuilder("Bearer error=\"insufficient_scope\", scope=\"")
			.append(ex.getScopeValue())
			.append('"');
		if (this.resourceMetadataUrl != null) {
			challenge.append(", resource_metadata=\"").append(this.resourceMetadataUrl).append('"');
		}
		return json(
				ServerResponse.status(HttpStatus.FORBIDDEN).header(HttpHeaders.WWW_AUTHENTICATE, challenge.toString()),
				JsonRpcResponse.failure(ex.getId(), ex.getError()));
	}

	/**
	 * Return the name of the authenticated principal, for binding sessions.
	 * @param principal the principal, if any
	 * @return the name, or {@code null} when anonymous
	 */
	protected static @Nullable String nameOf(Optional<Principal> principal) {
		return principal.map(Principal::getName).orElse(null);
	}

	/**
	 * Return the authenticated principal, if any.
	 * @param request the HTTP request
	 * @return the principal, wrapped
	 */
	protected static Mono<Optional<Principal>> principal(ServerRequest request) {
		return request.principal().map(Optional::of).defaultIfEmpty(Optional.empty());
	}

	/**
	 * Whether the Accept header includes a media type.
	 * @param request the HTTP request
	 * @param mediaType the media type
	 * @return {@code true} if accepted
	 */
	protected static boolean accepts(ServerRequest request, MediaType mediaType) {
		return accepted(request).stream().anyMatch((candidate) -> candidate.includes(mediaType));
	}

	/**
	 * Return the media types of the Accept header; none when it cannot be read.
	 * @param request the HTTP request
	 * @return the accepted media types
	 */
	protected static List<MediaType> accepted(ServerRequest request) {
		return HttpRequestRules.parseAccept(request.headers().firstHeader(HttpHeaders.ACCEPT));
	}

	/**
	 * Answer {@code 200} with a JSON body holding one message.
	 * @param message the message
	 * @return the HTTP response
	 */
	protected Mono<ServerResponse> json(JsonRpcMessage message) {
		return json(ServerResponse.ok(), message);
	}

	/**
	 * Answer with a JSON body holding one message.
	 * @param builder the response builder, with status and headers
	 * @param message the message
	 * @return the HTTP response
	 */
	protected Mono<ServerResponse> json(ServerResponse.BodyBuilder builder, JsonRpcMessage message) {
		return write(builder.contentType(MediaType.APPLICATION_JSON), (output) -> this.codec.encode(message, output));
	}

	/**
	 * Answer with a body written straight into a buffer of the server's allocator (pooled
	 * and off-heap on Netty) and sent with its length in one piece: no message writer is
	 * looked up and no byte array is copied on the way to the socket.
	 * @param builder the response builder, with status and headers
	 * @param body writes the body
	 * @return the HTTP response
	 */
	protected Mono<ServerResponse> write(ServerResponse.BodyBuilder builder, BodyWriter body) {
		return builder.body((output, context) -> {
			DataBuffer buffer = output.bufferFactory().allocateBuffer(INITIAL_BUFFER_SIZE);
			try (OutputStream stream = buffer.asOutputStream()) {
				body.writeTo(stream);
			}
			catch (IOException | RuntimeException ex) {
				DataBufferUtils.release(buffer);
				return Mono.error(ex);
			}
			output.getHeaders().setContentLength(buffer.readableByteCount());
			return output.writeWith(Mono.just(buffer).doOnDiscard(DataBuffer.class, DataBufferUtils::release));
		});
	}

	/**
	 * Answer with an SSE stream, adding keep-alive comments until the events complete.
	 * @param builder the response builder
	 * @param events the events
	 * @return the HTTP response
	 */
	protected Mono<ServerResponse> sse(ServerResponse.BodyBuilder builder, Flux<ServerSentEvent<String>> events) {
		return sse(builder, events, false);
	}

	/**
	 * Answer with an SSE stream, adding keep-alive comments until the events complete.
	 * @param builder the response builder
	 * @param events the events
	 * @param primed whether to send a comment at once, so that the status and headers of
	 * a stream that may stay quiet reach the client without waiting
	 * @return the HTTP response
	 */
	protected Mono<ServerResponse> sse(ServerResponse.BodyBuilder builder, Flux<ServerSentEvent<String>> events,
			boolean primed) {
		Flux<ServerSentEvent<String>> shared = this.streamWriteLimits.apply(events).publish().refCount(2);
		Flux<ServerSentEvent<String>> keepAlive = Flux
			.interval(primed ? Duration.ZERO : this.keepAliveInterval, this.keepAliveInterval)
			.onBackpressureDrop()
			.map((tick) -> ServerSentEvent.<String>builder().comment("keep-alive").build())
			.takeUntilOther(shared.then(Mono.just(true)));
		return builder.contentType(MediaType.TEXT_EVENT_STREAM)
			.body(BodyInserters.fromServerSentEvents(Flux.merge(shared, keepAlive)));
	}

	/**
	 * Create the SSE event of one message.
	 * @param id the event id, or {@code null}
	 * @param message the message
	 * @return the event
	 */
	protected ServerSentEvent<String> event(@Nullable String id, JsonRpcMessage message) {
		ServerSentEvent.Builder<String> builder = ServerSentEvent.builder();
		if (id != null) {
			builder.id(id);
		}
		return builder.event("message").data(this.codec.encodeToString(message)).build();
	}

	protected Mono<ServerResponse> reject(Rejection rejection) {
		return error(rejection.status(), rejection.message());
	}

	/**
	 * Refuse a request whose body has not been read. What the client already sent of it
	 * (up to the body limit) is read and dropped first: a connection closed with unread
	 * data is reset, and the reset can destroy the answer before the client reads it.
	 * @param request the HTTP request
	 * @param rejection the rejection
	 * @return the HTTP response
	 */
	protected Mono<ServerResponse> reject(ServerRequest request, Rejection rejection) {
		return DataBufferUtils.takeUntilByteCount(request.exchange().getRequest().getBody(), this.maxRequestBytes)
			.doOnNext(DataBufferUtils::release)
			.then()
			.onErrorComplete()
			.then(Mono.defer(() -> reject(rejection)));
	}

	protected Mono<ServerResponse> error(HttpStatus status, String message) {
		return error(status, JsonRpcError.of(JsonRpcErrorCodes.INVALID_REQUEST, message), null);
	}

	protected Mono<ServerResponse> error(HttpStatus status, JsonRpcError error, @Nullable JsonNode id) {
		return json(ServerResponse.status(status), JsonRpcResponse.failure(id, error));
	}

	/**
	 * Writes a response body.
	 */
	@FunctionalInterface
	protected interface BodyWriter {

		/**
		 * Write the body.
		 * @param output the stream of the response buffer
		 * @throws IOException if writing fails
		 */
		void writeTo(OutputStream output) throws IOException;

	}

	/**
	 * A request refused before any MCP processing.
	 *
	 * @param status the HTTP status
	 * @param message the error message
	 */
	protected record Rejection(HttpStatus status, String message) {

	}

	/**
	 * Reads Reactor Netty's own request, in a class of its own so that the handler loads
	 * without Reactor Netty.
	 */
	private static final class ReactorNettyRequests {

		static @Nullable String absoluteFormAuthority(ServerRequest request) {
			Object nativeRequest;
			try {
				nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request.exchange().getRequest());
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				// a request built in memory (tests, WebTestClient bound to a context)
				return null;
			}
			return (nativeRequest instanceof HttpServerRequest serverRequest)
					? HttpRequestRules.absoluteFormAuthority(serverRequest.uri()) : null;
		}

	}

}
