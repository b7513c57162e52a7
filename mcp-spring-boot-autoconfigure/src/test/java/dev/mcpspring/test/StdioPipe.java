package dev.mcpspring.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.server.McpSessionService;
import dev.mcpspring.transport.stdio.StdioMcpTransport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real {@link StdioMcpTransport} on pipes: the test writes lines as a client process
 * would write to the server's standard input, and reads the server's standard output line
 * by line.
 *
 * @author MCP Spring Boot team
 */
public final class StdioPipe implements AutoCloseable {

	private static final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final PipedOutputStream input = new PipedOutputStream();

	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private final StdioMcpTransport transport;

	private int nextPing = 1_000_000;

	/**
	 * Start a transport serving the given server.
	 * @param sessionService the server
	 * @param codec the codec
	 */
	public StdioPipe(McpSessionService sessionService, JsonRpcCodec codec) {
		try {
			PipedInputStream stdin = new PipedInputStream(this.input, 1 << 20);
			this.transport = new StdioMcpTransport(sessionService, codec, stdin, new LineOutput(this.lines), () -> {
			}, 4 * 1024 * 1024, Duration.ofSeconds(5));
			this.transport.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Write one line (a newline is added) and read the line answering it.
	 * @param line the message
	 * @return the answer
	 */
	public JsonNode exchange(String line) {
		send(line.getBytes(StandardCharsets.UTF_8));
		return jsonMapper.readTree(next());
	}

	/**
	 * Write raw bytes followed by a newline, then a ping, and return every line the
	 * server wrote before the ping's answer: the answers to the bytes, if any.
	 * @param line the bytes of the line
	 * @return the lines answering it, in order
	 */
	public List<String> sendThenPing(byte[] line) {
		send(line);
		int ping = this.nextPing++;
		send(("{\"jsonrpc\":\"2.0\",\"id\":" + ping + ",\"method\":\"ping\"}").getBytes(StandardCharsets.UTF_8));
		List<String> before = new ArrayList<>();
		String pong = "{\"jsonrpc\":\"2.0\",\"id\":" + ping + ",\"result\":{}}";
		String next;
		while (!(next = next()).equals(pong)) {
			before.add(next);
		}
		return before;
	}

	/**
	 * Write raw bytes followed by a newline.
	 * @param line the bytes of the line
	 */
	public void send(byte[] line) {
		try {
			this.input.write(line);
			this.input.write('\n');
			this.input.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the next line the server writes, waiting up to 10 seconds.
	 * @return the line
	 */
	public String next() {
		try {
			String line = this.lines.poll(10, TimeUnit.SECONDS);
			if (line == null) {
				throw new IllegalStateException("No answer on standard output within 10 seconds");
			}
			return line;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Standard output of the server, cut into lines.
	 */
	private static final class LineOutput extends OutputStream {

		private final BlockingQueue<String> lines;

		private final ByteArrayOutputStream line = new ByteArrayOutputStream();

		LineOutput(BlockingQueue<String> lines) {
			this.lines = lines;
		}

		@Override
		public synchronized void write(int b) {
			if (b == '\n') {
				this.lines.add(this.line.toString(StandardCharsets.UTF_8));
				this.line.reset();
			}
			else {
				this.line.write(b);
			}
		}

		@Override
		public synchronized void write(byte[] bytes, int offset, int length) {
			for (int i = offset; i < offset + length; i++) {
				write(bytes[i]);
			}
		}

	}

	@Override
	public void close() {
		try {
			this.input.close();
		}
		catch (IOException ex) {
			// already closed
		}
		this.transport.stop();
	}

}
