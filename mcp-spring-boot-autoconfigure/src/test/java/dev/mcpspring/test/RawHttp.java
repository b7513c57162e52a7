package dev.mcpspring.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends HTTP/1.1 requests byte for byte over a loopback socket, for what an HTTP client
 * library refuses to send (duplicate {@code Host} headers, absolute-form targets,
 * malformed header values), and reads the whole response of a {@code Connection: close}
 * exchange.
 *
 * @author MCP Spring Boot team
 */
public final class RawHttp {

	private static final int TIMEOUT_MILLIS = 10_000;

	private RawHttp() {
	}

	/**
	 * Send a request and read its response until the server closes the connection.
	 * @param port the loopback port
	 * @param head the request line and headers, lines separated by {@code \n}, without
	 * {@code Connection} and {@code Content-Length}, which are added
	 * @param body the body
	 * @return the response
	 * @throws IOException if the exchange fails or times out
	 */
	public static Response exchange(int port, String head, byte[] body) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream output = socket.getOutputStream();
			String headers = head.strip().replace("\n", "\r\n") + "\r\nConnection: close\r\n"
					+ ((body.length > 0 || head.startsWith("POST")) ? "Content-Length: " + body.length + "\r\n" : "")
					+ "\r\n";
			output.write(headers.getBytes(StandardCharsets.ISO_8859_1));
			output.write(body);
			output.flush();
			return Response.parse(readAll(socket.getInputStream()));
		}
	}

	/**
	 * Send a request with a UTF-8 text body.
	 * @param port the loopback port
	 * @param head the request line and headers
	 * @param body the body
	 * @return the response
	 * @throws IOException if the exchange fails or times out
	 */
	public static Response exchange(int port, String head, String body) throws IOException {
		return exchange(port, head, body.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Send a large body, with a {@code Content-Length} or chunked, and read the response.
	 * Writing stops quietly when the server closes the connection early, as it may once
	 * it has answered.
	 * @param port the loopback port
	 * @param head the request line and headers, without {@code Connection} and framing
	 * @param length the number of body bytes
	 * @param chunked whether to send the body with {@code Transfer-Encoding: chunked}
	 * @return the response
	 * @throws IOException if no response could be read
	 */
	public static Response exchangeLarge(int port, String head, long length, boolean chunked) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream output = socket.getOutputStream();
			String framing = chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + length;
			output.write((head.strip().replace("\n", "\r\n") + "\r\nConnection: close\r\n" + framing + "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			byte[] block = new byte[64 * 1024];
			java.util.Arrays.fill(block, (byte) 'a');
			try {
				for (long written = 0; written < length; written += block.length) {
					int size = (int) Math.min(block.length, length - written);
					if (chunked) {
						output.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
					}
					output.write(block, 0, size);
					if (chunked) {
						output.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
					}
				}
				if (chunked) {
					output.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
				}
				output.flush();
			}
			catch (IOException ex) {
				// the server answered and closed before reading everything
			}
			return Response.parse(readAll(socket.getInputStream()));
		}
	}

	/**
	 * Write raw bytes, such as several pipelined requests, and read everything the server
	 * sends until it closes the connection.
	 * @param port the loopback port
	 * @param bytes the bytes to send
	 * @return everything read, as UTF-8
	 * @throws IOException if the exchange fails or times out
	 */
	public static String exchangeRaw(int port, byte[] bytes) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			socket.getOutputStream().write(bytes);
			socket.getOutputStream().flush();
			return new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
		}
	}

	private static byte[] readAll(InputStream input) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			int count;
			while ((count = input.read(buffer)) != -1) {
				bytes.write(buffer, 0, count);
			}
		}
		catch (java.net.SocketException ex) {
			if (bytes.size() == 0) {
				throw ex;
			}
		}
		catch (SocketTimeoutException ex) {
			throw new IOException("No end of response within " + TIMEOUT_MILLIS + " ms, got: "
					+ bytes.toString(StandardCharsets.UTF_8), ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * A response as read from the wire.
	 *
	 * @param status the status code
	 * @param headers the header block
	 * @param body the body, de-chunked
	 */
	public record Response(int status, String headers, String body) {

		static Response parse(byte[] raw) {
			String text = new String(raw, StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			if (end < 0) {
				throw new IllegalStateException("Not an HTTP response: " + text);
			}
			String head = text.substring(0, end);
			int status = Integer.parseInt(head.substring(9, 12));
			String headers = head.substring(head.indexOf("\r\n") + 2);
			String body = text.substring(end + 4);
			if (headers.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
				body = dechunk(body);
			}
			return new Response(status, headers, body);
		}

		private static String dechunk(String chunked) {
			StringBuilder body = new StringBuilder();
			int position = 0;
			while (position < chunked.length()) {
				int lineEnd = chunked.indexOf("\r\n", position);
				int size = Integer.parseInt(chunked.substring(position, lineEnd).trim(), 16);
				if (size == 0) {
					break;
				}
				body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
				position = lineEnd + 2 + size + 2;
			}
			return body.toString();
		}

		/**
		 * Return the value of a header, or {@code null}.
		 * @param name the header name
		 * @return the first value
		 */
		public String header(String name) {
			for (String line : this.headers.split("\r\n")) {
				if (line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
					return line.substring(name.length() + 1).trim();
				}
			}
			return null;
		}

	}

}
