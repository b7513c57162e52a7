package dev.mcpspring.transport.webflux;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcException;
import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.jsonrpc.JsonRpcNotification;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import dev.mcpspring.server.EmitRetry;
import dev.mcpspring.server.McpClientChannel;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpServerHandler;
import dev.mcpspring.server.OpenStreams;
import dev.mcpspring.server.session.McpSession;
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
 * The legacy HTTP+SSE transport of protocol revision 2024-11-05, for older clients: a
 * GET opens an SSE stream whose first {@code endpoint} event names the URL to POST
 * messages to; every server message, responses included, travels on that stream.
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
	 * @param serverHandler the engine
	 * @param codec the JSON-RPC codec
	 * @param originValidator the Host and Origin check
	 * @param maxRequestBytes the largest accepted request body
	 * @param keepAliveInterval how often idle streams send a comment
	 * @param messagePath the path clients POST messages to
	 */
	public McpSseHandler(McpServerHandler serverHandler, JsonRpcCodec codec, OriginValidator originValidator,
			int maxRequestBytes, Duration keepAliveInterval, String messagePath) {
		super(serverHandler, codec, originValidator, maxRequestBytes, keepAliveInterval);
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
		OpenStreams.Place place = getServerHandler().getOpenStreams().tryOpen();
		if (place == null) {
			return tooManyStreams(null);
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
		return sse(ServerResponse.ok(), place.heldBy(Flux.concat(Mono.just(endpoint), messages)
			.doFinally((signal) -> close(connectionId, connection))));
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
			if (session != null && !session.isOwnedBy(nameOf(principal))) {
				return error(HttpStatus.NOT_FOUND, "Session not found");
			}
			accept(connection, message, principal.orElse(null));
			return ServerResponse.accepted().build();
		}));
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

	private void accept(Connection connection, JsonRpcMessage message, java.security.@Nullable Principal principal) {
		McpServerHandler server = getServerHandler();
		McpSession session = connection.session;
		if (message instanceof JsonRpcRequest request) {
			String version = (session != null) ? session.getProtocolVersion() : "2024-11-05";
			server.handle(new McpRequest(request, session, version, connection, principal))
				.subscribe((response) -> {
					if (response.createdSession() != null) {
						connection.attach(response.createdSession(), server);
					}
					connection.send(response.message());
				}, (ex) -> {
					if (ex instanceof JsonRpcException rpcException) {
						connection.send(JsonRpcResponse.failure(request.id(), rpcException.getError()));
					}
				});
		}
		else if (message instanceof JsonRpcResponse response) {
			server.handleResponse(response, session);
		}
		else {
			server.handleNotification((JsonRpcNotification) message, session).subscribe();
		}
	}

	private void close(String connectionId, Connection connection) {
		this.connections.remove(connectionId, connection);
		if (connection.session != null) {
			getServerHandler().closeSession(connection.session.getId()).subscribe();
		}
		if (connection.subscription != null) {
			connection.subscription.dispose();
		}
	}

	private static final class Connection implements McpClientChannel {

		private final Sinks.Many<JsonRpcMessage> sink = Sinks.many().unicast().onBackpressureBuffer();

		private volatile @Nullable McpSession session;

		private volatile @Nullable Disposable subscription;

		@Override
		public void send(JsonRpcMessage message) {
			this.sink.emitNext(message, EmitRetry.handler());
		}

		void end() {
			this.sink.emitComplete(EmitRetry.handler());
		}

		void attach(McpSession session, McpServerHandler server) {
			this.session = session;
			this.subscription = server.getSessionChannels().open(session.getId()).subscribe(this::send);
		}

	}

}
