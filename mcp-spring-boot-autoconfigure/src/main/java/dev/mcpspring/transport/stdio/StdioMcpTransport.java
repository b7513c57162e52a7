package dev.mcpspring.transport.stdio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcException;
import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.jsonrpc.JsonRpcNotification;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.server.McpClientChannel;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpServerHandler;
import dev.mcpspring.server.ProtocolVersions;
import dev.mcpspring.server.session.McpSession;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Serves MCP over standard input and output: one JSON-RPC message per line in each
 * direction. Session-era clients start with {@code initialize}; requests carrying a
 * stateless revision in {@code _meta} (2026-07-28) are served on their own. Standard
 * output carries protocol messages only. A malformed or overlong line is answered with an
 * error and reading goes on. At the end of input, every request read before it is
 * answered (within a bound), then the transport stops and runs the given callback, which
 * usually exits the application.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#stdio">stdio</a>
 */
public class StdioMcpTransport implements SmartLifecycle, McpClientChannel {

	private static final Log logger = LogFactory.getLog(StdioMcpTransport.class);

	private final McpServerHandler serverHandler;

	private final JsonRpcCodec codec;

	private final InputStream input;

	private final OutputStream output;

	private final Runnable onEndOfInput;

	private final int maxMessageBytes;

	private final Duration drainTimeout;

	/**
	 * The reader plus one party per request being served, so the end of input can wait
	 * for their answers.
	 */
	private final Phaser pending = new Phaser(1);

	private volatile @Nullable McpSession session;

	private volatile @Nullable Disposable sessionStream;

	private volatile @Nullable Thread reader;

	/**
	 * Create a transport accepting messages of up to 4 MB and waiting up to 30 seconds
	 * for the answers still due when the input ends.
	 * @param serverHandler the engine
	 * @param codec the JSON-RPC codec
	 * @param input where client messages come from, usually {@code System.in}
	 * @param output where server messages go, usually {@code System.out}
	 * @param onEndOfInput called once the client closes its side
	 */
	public StdioMcpTransport(McpServerHandler serverHandler, JsonRpcCodec codec, InputStream input,
			OutputStream output, Runnable onEndOfInput) {
		this(serverHandler, codec, input, output, onEndOfInput, 4 * 1024 * 1024, Duration.ofSeconds(30));
	}

	/**
	 * Create a transport.
	 * @param serverHandler the engine
	 * @param codec the JSON-RPC codec
	 * @param input where client messages come from, usually {@code System.in}
	 * @param output where server messages go, usually {@code System.out}
	 * @param onEndOfInput called once the client closes its side and the requests read
	 * before have been answered
	 * @param maxMessageBytes the longest accepted line
	 * @param drainTimeout how long the end of input waits for answers still due
	 */
	public StdioMcpTransport(McpServerHandler serverHandler, JsonRpcCodec codec, InputStream input,
			OutputStream output, Runnable onEndOfInput, int maxMessageBytes, Duration drainTimeout) {
		Assert.notNull(serverHandler, "McpServerHandler is required");
		Assert.isTrue(maxMessageBytes > 0, "maxMessageBytes must be positive");
		this.serverHandler = serverHandler;
		this.codec = codec;
		this.input = input;
		this.output = output;
		this.onEndOfInput = onEndOfInput;
		this.maxMessageBytes = maxMessageBytes;
		this.drainTimeout = drainTimeout;
	}

	@Override
	public void start() {
		Thread thread = new Thread(this::readLines, "mcp-stdio");
		thread.setDaemon(true);
		this.reader = thread;
		thread.start();
	}

	@Override
	public void stop() {
		Thread thread = this.reader;
		this.reader = null;
		if (thread != null) {
			thread.interrupt();
		}
		Disposable stream = this.sessionStream;
		if (stream != null) {
			stream.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.reader != null;
	}

	private void readLines() {
		try {
			BoundedLineReader lines = new BoundedLineReader(this.input, this.maxMessageBytes);
			byte[] line;
			while ((line = lines.readLine()) != null) {
				if (line == BoundedLineReader.TOO_LONG) {
					send(JsonRpcResponse.failure(null,
							JsonRpcError.of(JsonRpcErrorCodes.INVALID_REQUEST, "Message too large")));
				}
				else if (!isBlank(line)) {
					handleLine(line);
				}
			}
		}
		catch (IOException ex) {
			logger.error("Failed to read standard input", ex);
		}
		awaitPendingAnswers();
		if (this.reader != null) {
			this.reader = null;
			this.onEndOfInput.run();
		}
	}

	private void awaitPendingAnswers() {
		try {
			this.pending.awaitAdvanceInterruptibly(this.pending.arrive(), this.drainTimeout.toMillis(),
					TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			logger.warn("Input ended with requests still unanswered after " + this.drainTimeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void handleLine(byte[] line) {
		JsonRpcMessage message;
		try {
			message = this.codec.decode(line);
		}
		catch (JsonRpcException ex) {
			send(JsonRpcResponse.failure(ex.getId(), ex.getError()));
			return;
		}
		McpSession current = this.session;
		if (message instanceof JsonRpcRequest request) {
			handleRequest(request, current);
		}
		else if (message instanceof JsonRpcResponse response) {
			this.serverHandler.handleResponse(response, current);
		}
		else {
			this.serverHandler.handleNotification((JsonRpcNotification) message, current).subscribe();
		}
	}

	private void handleRequest(JsonRpcRequest request, @Nullable McpSession current) {
		String statelessVersion = statelessVersion(request);
		if (statelessVersion != null) {
			serve(request, new McpRequest(request, null, statelessVersion, this, null)).subscribe();
			return;
		}
		boolean initialize = "initialize".equals(request.method());
		if (initialize == (current != null)) {
			String reason = initialize ? "Session already initialized" : "Send initialize first";
			send(JsonRpcResponse.failure(request.id(), JsonRpcError.of(JsonRpcErrorCodes.INVALID_REQUEST, reason)));
			return;
		}
		String version = (current != null) ? current.getProtocolVersion() : ProtocolVersions.LATEST;
		Mono<Void> answered = serve(request, new McpRequest(request, current, version, this, null));
		if (initialize) {
			// the next lines need the session: read them once it exists
			answered.block(this.drainTimeout);
		}
		else {
			answered.subscribe();
		}
	}

	/**
	 * Serve a request, counted as pending until its answer is written.
	 */
	private Mono<Void> serve(JsonRpcRequest request, McpRequest mcpRequest) {
		return Mono.defer(() -> {
			this.pending.register();
			return this.serverHandler.handle(mcpRequest).doOnNext((response) -> {
				McpSession created = response.createdSession();
				if (created != null) {
					this.session = created;
					this.sessionStream = this.serverHandler.getSessionChannels()
						.open(created.getId())
						.subscribe(this::send);
				}
				send(response.message());
			})
				.onErrorResume((ex) -> {
					send(JsonRpcResponse.failure(request.id(), errorOf(ex)));
					return Mono.empty();
				})
				.doFinally((signal) -> this.pending.arriveAndDeregister())
				.then();
		});
	}

	private static JsonRpcError errorOf(Throwable ex) {
		if (ex instanceof JsonRpcException rpcException) {
			return rpcException.getError();
		}
		logger.error("Failed to serve a request", ex);
		return JsonRpcError.of(JsonRpcErrorCodes.INTERNAL_ERROR, "Internal error");
	}

	private static boolean isBlank(byte[] line) {
		for (byte b : line) {
			if (b != ' ' && b != '\t' && b != '\r') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Return the protocol version of a request served statelessly: one that carries a
	 * stateless revision (or an unknown one, to be refused) in {@code _meta}.
	 */
	private static @Nullable String statelessVersion(JsonRpcRequest request) {
		JsonNode version = (request.params() != null)
				? request.params().path("_meta").get(McpRequest.PROTOCOL_VERSION_META) : null;
		return (version != null && version.isString() && ProtocolVersions.isStateless(version.asString()))
				? version.asString() : null;
	}

	@Override
	public void send(JsonRpcMessage message) {
		byte[] bytes = this.codec.encode(message);
		synchronized (this.output) {
			try {
				this.output.write(bytes);
				this.output.write('\n');
				this.output.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
