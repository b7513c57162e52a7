package dev.mcpspring.transport.webflux;

import java.security.Principal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.server.EmitRetry;
import dev.mcpspring.server.McpCall;
import dev.mcpspring.server.McpClientChannel;
import dev.mcpspring.server.McpSessionService;
import dev.mcpspring.server.session.McpSession;
import dev.mcpspring.transport.support.McpHttpErrors;
import dev.mcpspring.transport.support.OriginValidator;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The legacy HTTP+SSE transport of protocol revision 2024-11-05, for older clients: a GET
 * opens an SSE stream whose first {@code endpoint} event names the URL to POST messages
 * to; every server message, responses included, travels on that stream.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2024-11-05/basic/transports#http-with-sse">HTTP
 * with SSE</a>
 */
public class McpSseHandler extends AbstractMcpHttpHandler {

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Connection> connections = new ConcurrentHashMap<>();

	private final String messagePath;

	private volatile boolean closed;

	/**
	 * Create a handler.
	 * @param sessionService the server, as transports see it
	 * @param codec the JSON-RPC codec
	 * @param originValidator the Host and Origin check
	 * @param maxRequestBytes the largest accepted request body
	 * @param keepAliveInterval how often idle streams send a comment
	 * @param messagePath the path clients POST messages to
	 */
	public McpSseHandler(McpSessionService sessionService, JsonRpcCodec codec, OriginValidator originValidator,
			int maxRequestBytes, Duration keepAliveInterval, String messagePath) {
		super(sessionService, codec, originValidator, maxRequestBytes, keepAliveInterval);
		this.messagePath = messagePath;
	}

	/**
	 * Handle the GET that opens a connection.
	 * @param request the HTTP request
	 * @return the SSE stream
	 */
	public Mono<ServerResponse> handleConnect(ServerRequest request) {
		Rejection rejection = checkRequest(request);
		if (rejection != null) {
			return reject(request, rejection);
		}
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		String connectionId = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Connection connection = new Connection();
		this.connections.put(connectionId, connection);
		if (this.closed) {
			connection.end();
		}
		ServerSentEvent<String> endpoint = ServerSentEvent.<String>builder()
			.event("endpoint")
			.data(this.messagePath + "?sessionId=" + connectionId)
			.build();
		Flux<ServerSentEvent<String>> messages = connection.sink.asFlux().map((message) -> event(null, message));
		Flux<ServerSentEvent<String>> events;
		try {
			events = getSessionService().hold(Flux.concat(Mono.just(endpoint), messages));
		}
		catch (RuntimeException ex) {
			this.connections.remove(connectionId, connection);
			return failure(ex, null);
		}
		return sse(ServerResponse.ok(), events.doFinally((signal) -> close(connectionId, connection)));
	}

	/**
	 * Handle a POST carrying one client message; the answer goes on the stream.
	 * @param request the HTTP request
	 * @return 202 once the message is accepted
	 */
	public Mono<ServerResponse> handleMessage(ServerRequest request) {
		Rejection rejection = checkRequest(request);
		rejection = (rejection != null) ? rejection : checkJsonBody(request);
		if (rejection != null) {
			return reject(request, rejection);
		}
		Connection connection = request.queryParam("sessionId").map(this.connections::get).orElse(null);
		if (connection == null) {
			return error(HttpStatus.NOT_FOUND, "Session not found");
		}
		return readMessage(request, (message) -> principal(request).flatMap((principal) -> {
			McpSession session = connection.session;
			return getSessionService().accept(message, (session != null) ? session.getId() : null, null,
					principal.orElse(null), exposedHeaders(request));
		}).flatMap((call) -> {
			serve(connection, call);
			return ServerResponse.accepted().build();
		}).onErrorResume((ex) -> failure(ex, idOf(message))));
	}

	/**
	 * End every open connection, and connections opened from now on right after their
	 * {@code endpoint} event, for example when the application shuts down, so that
	 * clients see a clean end of stream.
	 */
	public void closeAll() {
		this.closed = true;
		this.connections.values().forEach(Connection::end);
	}

	/**
	 * Accept connections again after {@link #closeAll()}, when a stopped application
	 * starts again.
	 */
	public void reopen() {
		this.closed = false;
	}

	/**
	 * Serve a message whose answer, if any, goes on the connection's stream; the session
	 * {@code initialize} starts is bound to the connection.
	 */
	private void serve(Connection connection, McpCall call) {
		McpSessionService service = getSessionService();
		if (!call.isRequest()) {
			service.deliver(call).subscribe();
			return;
		}
		JsonRpcRequest request = (JsonRpcRequest) call.message();
		service.serve(call, connection).subscribe((response) -> {
			if (response.createdSession() != null) {
				connection.attach(response.createdSession(), call.principal(), service);
			}
			connection.send(response.message());
		}, (ex) -> connection.send(McpHttpErrors.of(ex, request.id()).body()));
	}

	private void close(String connectionId, Connection connection) {
		this.connections.remove(connectionId, connection);
		if (connection.session != null) {
			getSessionService().close(connection.session.getId(), connection.principal).onErrorComplete().subscribe();
		}
		if (connection.subscription != null) {
			connection.subscription.dispose();
		}
	}

	private static final class Connection implements McpClientChannel {

		private final Sinks.Many<JsonRpcMessage> sink = Sinks.many().unicast().onBackpressureBuffer();

		private volatile @Nullable McpSession session;

		private volatile @Nullable Principal principal;

		private volatile @Nullable Disposable subscription;

		@Override
		public void send(JsonRpcMessage message) {
			this.sink.emitNext(message, EmitRetry.handler());
		}

		void end() {
			this.sink.emitComplete(EmitRetry.handler());
		}

		void attach(McpSession session, @Nullable Principal principal, McpSessionService service) {
			this.session = session;
			this.principal = principal;
			this.subscription = service.attach(session).subscribe(this::send);
		}

	}

}
