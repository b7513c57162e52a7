package dev.mcpspring.transport.stdio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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
import tools.jackson.databind.JsonNode;

import org.springframework.context.SmartLifecycle;

/**
 * Serves MCP over standard input and output: one JSON-RPC message per line in each
 * direction. Session-era clients start with {@code initialize}; requests carrying a
 * stateless revision in {@code _meta} (2026-07-28) are served on their own. Standard output carries protocol messages only. A malformed line is
 * answered with an error and reading goes on; the end of input stops the transport and
 * runs the given callback, which usually exits the application.
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

	private volatile @Nullable McpSession session;

	private volatile @Nullable Disposable sessionStream;

	private volatile @Nullable Thread reader;

	/**
	 * Create a transport.
	 * @param serverHandler the engine
	 * @param codec the JSON-RPC codec
	 * @param input where client messages come from, usually {@code System.in}
	 * @param output where server messages go, usually {@code System.out}
	 * @param onEndOfInput called once the client closes its side
	 */
	public StdioMcpTransport(McpServerHandler serverHandler, JsonRpcCodec codec, InputStream input,
			OutputStream output, Runnable onEndOfInput) {
		this.serverHandler = serverHandler;
		this.codec = codec;
		this.input = input;
		this.output = output;
		this.onEndOfInput = onEndOfInput;
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
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(this.input, StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				if (!line.isBlank()) {
					handleLine(line);
				}
			}
		}
		catch (IOException ex) {
			logger.error("Failed to read standard input", ex);
		}
		if (this.reader != null) {
			this.reader = null;
			this.onEndOfInput.run();
		}
	}

	private void handleLine(String line) {
		JsonRpcMessage message;
		try {
			message = this.codec.decode(line.getBytes(StandardCharsets.UTF_8));
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
			this.serverHandler.handle(new McpRequest(request, null, statelessVersion, this, null))
				.subscribe((response) -> send(response.message()));
			return;
		}
		boolean initialize = "initialize".equals(request.method());
		if (initialize == (current != null)) {
			String reason = initialize ? "Session already initialized" : "Send initialize first";
			send(JsonRpcResponse.failure(request.id(), JsonRpcError.of(JsonRpcErrorCodes.INVALID_REQUEST, reason)));
			return;
		}
		String version = (current != null) ? current.getProtocolVersion() : ProtocolVersions.LATEST;
		this.serverHandler.handle(new McpRequest(request, current, version, this, null)).subscribe((response) -> {
			McpSession created = response.createdSession();
			if (created != null) {
				this.session = created;
				this.sessionStream = this.serverHandler.getSessionChannels().open(created.getId()).subscribe(this::send);
			}
			send(response.message());
		}, (ex) -> send(JsonRpcResponse.failure(request.id(),
				JsonRpcError.of(JsonRpcErrorCodes.INTERNAL_ERROR, "Internal error"))));
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
