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
import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcException;
import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import dev.mcpspring.server.McpCall;
import dev.mcpspring.server.McpClientChannel;
import dev.mcpspring.server.McpSessionService;
import dev.mcpspring.server.session.McpSession;
import dev.mcpspring.transport.support.McpHttpErrors;
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

	private final McpSessionService sessionService;

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
	 * @param sessionService the server, as transports see it
	 * @param codec the JSON-RPC codec
	 * @param input where client messages come from, usually {@code System.in}
	 * @param output where server messages go, usually {@code System.out}
	 * @param onEndOfInput called once the client closes its side
	 */
	public StdioMcpTransport(McpSessionService sessionService, JsonRpcCodec codec, InputStream input,
			OutputStream output, Runnable onEndOfInput) {
		this(sessionService, codec, input, output, onEndOfInput, 4 * 1024 * 1024, Duration.ofSeconds(30));
	}

	/**
	 * Create a transport.
	 * @param sessionService the server, as transports see it
	 * @param codec the JSON-RPC codec
	 * @param input where client messages come from, usually {@code System.in}
	 * @param output where server messages go, usually {@code System.out}
	 * @param onEndOfInput called once the client closes its side and the requests read
	 * before have been answered
	 * @param maxMessageBytes the longest accepted line
	 * @param drainTimeout how long the end of input waits for answers still due
	 */
	public StdioMcpTransport(McpSessionService sessionService, JsonRpcCodec codec, InputStream input,
			OutputStream output, Runnable onEndOfInput, int maxMessageBytes, Duration drainTimeout) {
		Assert.notNull(sessionService, "McpSessionService is required");
		Assert.isTrue(maxMessageBytes > 0, "maxMessageBytes must be positive");
		this.sessionService = sessionService;
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
		JsonNode id = (message instanceof JsonRpcRequest request) ? request.id() : null;
		Mono<Void> handled = Mono.defer(() -> {
			this.pending.register();
			return this.sessionService.accept(message, (current != null) ? current.getId() : null, null, null)
				.flatMap((call) -> call.isRequest() ? serve(call) : this.sessionService.deliver(call))
				.onErrorResume((ex) -> {
					if (id != null) {
						send(McpHttpErrors.of(ex, id).body());
					}
					return Mono.empty();
				})
				.doFinally((signal) -> this.pending.arriveAndDeregister());
		});
		if (id != null && "initialize".equals(((JsonRpcRequest) message).method())) {
			// the next lines need the session: read them once it exists
			handled.block(this.drainTimeout);
		}
		else {
			handled.subscribe();
		}
	}

	/**
	 * Serve a request; the session {@code initialize} starts is this connection's, and
	 * its stream goes out here too.
	 */
	private Mono<Void> serve(McpCall call) {
		return this.sessionService.serve(call, this).doOnNext((response) -> {
			McpSession created = response.createdSession();
			if (created != null) {
				this.session = created;
				this.sessionStream = this.sessionService.attach(created).subscribe(this::send);
			}
			send(response.message());
		}).then();
	}

	private static boolean isBlank(byte[] line) {
		for (byte b : line) {
			if (b != ' ' && b != '\t' && b != '\r') {
				return false;
			}
		}
		return true;
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
