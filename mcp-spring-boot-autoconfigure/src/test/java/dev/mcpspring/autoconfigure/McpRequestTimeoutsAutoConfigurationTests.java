package dev.mcpspring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.server.reactive.context.AnnotationConfigReactiveWebServerApplicationContext;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpRequestTimeoutsAutoConfiguration}: raw connections to a real Netty
 * server on 127.0.0.1 that trickle their requests, next to streams that must stay open.
 *
 * @author MCP Spring Boot team
 */
class McpRequestTimeoutsAutoConfigurationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
			+ "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

	private static final String LISTEN = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"subscriptions/listen\",\"params\":{"
			+ "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
			+ "\"io.modelcontextprotocol/clientCapabilities\":{}},\"notifications\":{\"toolsListChanged\":true}}}";

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner(
			AnnotationConfigReactiveWebServerApplicationContext::new)
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class,
				NettyReactiveWebServerAutoConfiguration.class, McpEventLoopAutoConfiguration.class,
				McpServerAutoConfiguration.class, McpWebFluxAutoConfiguration.class,
				McpRequestTimeoutsAutoConfiguration.class))
		.withPropertyValues("server.port=0", "server.address=127.0.0.1",
				"mcp.server.limits.request-header-timeout=" + TIMEOUT.toMillis() + "ms",
				"mcp.server.limits.request-body-timeout=" + TIMEOUT.toMillis() + "ms",
				"mcp.server.transport.streamable-http.keep-alive-interval=200ms");

	@Test // gh-20
	void connectionTricklingItsHeadersIsClosedAtTheDeadline() {
		runWithServer((port) -> {
			try (Socket socket = connect(port)) {
				write(socket, "GET /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n");
				assertThat(trickleUntilClosed(socket, "X-Slow: " + "a".repeat(100))).isBetween(TIMEOUT.minusMillis(200),
						TIMEOUT.plusSeconds(3));
			}
		});
	}

	@Test // gh-20
	void connectionSendingNothingIsClosedAtTheDeadline() {
		runWithServer((port) -> {
			try (Socket socket = connect(port)) {
				assertThat(trickleUntilClosed(socket, "")).isBetween(TIMEOUT.minusMillis(200), TIMEOUT.plusSeconds(3));
			}
		});
	}

	@Test // gh-20
	void connectionTricklingItsBodyIsClosedAtTheDeadline() {
		runWithServer((port) -> {
			try (Socket socket = connect(port)) {
				write(socket, "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
						+ "Accept: application/json, text/event-stream\r\nContent-Length: 1000\r\n\r\n{");
				assertThat(trickleUntilClosed(socket, " ".repeat(100))).isBetween(TIMEOUT.minusMillis(200),
						TIMEOUT.plusSeconds(3));
			}
		});
	}

	@Test // gh-20
	void connectionTricklingTheBodyOfARefusedRequestIsClosedAtTheDeadline() {
		runWithServer((port) -> {
			try (Socket socket = connect(port)) {
				// no Accept header: answered 406 at once, without reading the body
				write(socket, "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
						+ "Content-Length: 1000\r\n\r\n{");
				assertThat(trickleUntilClosed(socket, " ".repeat(100))).isBetween(TIMEOUT.minusMillis(200),
						TIMEOUT.plusSeconds(3));
			}
		});
	}

	@Test // gh-20
	void idleConnectionBetweenRequestsIsKeptForTheNextRequest() {
		runWithServer((port) -> {
			try (Socket socket = connect(port)) {
				String request = post(INITIALIZE, "");
				write(socket, request);
				assertThat(readResponse(socket)).startsWith("HTTP/1.1 200 OK");
				sleep(TIMEOUT.multipliedBy(2));
				write(socket, request);
				assertThat(readResponse(socket)).startsWith("HTTP/1.1 200 OK");
			}
		});
	}

	@Test // gh-20
	void sessionStreamOutlivesTheDeadlines() {
		runWithServer((port) -> {
			String sessionId;
			try (Socket socket = connect(port)) {
				write(socket, post(INITIALIZE, ""));
				String response = readResponse(socket);
				sessionId = response.lines()
					.filter((line) -> line.regionMatches(true, 0, "Mcp-Session-Id:", 0, 15))
					.findFirst()
					.orElseThrow()
					.substring(15)
					.trim();
			}
			try (Socket socket = connect(port)) {
				write(socket, "GET /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
						+ "MCP-Protocol-Version: 2025-11-25\r\nMcp-Session-Id: " + sessionId + "\r\n\r\n");
				assertStreamStaysOpen(socket);
			}
		});
	}

	@Test // gh-20
	void listenStreamOutlivesTheDeadlines() {
		runWithServer((port) -> {
			try (Socket socket = connect(port)) {
				write(socket, post(LISTEN, "MCP-Protocol-Version: 2026-07-28\r\nMcp-Method: subscriptions/listen\r\n"));
				assertStreamStaysOpen(socket);
			}
		});
	}

	@Test // gh-20
	void webSocketOutlivesTheDeadlines() {
		this.runner.withUserConfiguration(EchoWebSocket.class).run((context) -> {
			int port = ((ReactiveWebServerApplicationContext) context.getSourceApplicationContext()).getWebServer()
				.getPort();
			try (Socket socket = connect(port)) {
				write(socket, "GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
						+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
				assertThat(readHead(socket)).startsWith("HTTP/1.1 101");
				for (String text : new String[] { "first", "second" }) {
					sleep(TIMEOUT.multipliedBy(2));
					socket.getOutputStream().write(maskedTextFrame(text));
					byte[] echo = socket.getInputStream().readNBytes(2 + text.length());
					assertThat(new String(echo, 2, text.length(), StandardCharsets.UTF_8)).isEqualTo(text);
				}
			}
		});
	}

	/**
	 * A WebSocket text frame from a client, as RFC 6455 requires: masked, here with a
	 * zero mask, for a payload under 126 bytes.
	 */
	private static byte[] maskedTextFrame(String text) {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		byte[] frame = new byte[6 + payload.length];
		frame[0] = (byte) 0x81;
		frame[1] = (byte) (0x80 | payload.length);
		System.arraycopy(payload, 0, frame, 6, payload.length);
		return frame;
	}

	@Test
	void requestTimeoutOfTheApplicationReplacesTheBodyDeadline() {
		Duration own = TIMEOUT.multipliedBy(3);
		this.runner.withBean("ownTimeouts", NettyServerCustomizer.class, () -> (server) -> server.requestTimeout(own))
			.run((context) -> {
				int port = ((ReactiveWebServerApplicationContext) context.getSourceApplicationContext()).getWebServer()
					.getPort();
				try (Socket socket = connect(port)) {
					write(socket, "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
							+ "Accept: application/json, text/event-stream\r\nContent-Length: 1000\r\n\r\n{");
					assertThat(trickleUntilClosed(socket, " ".repeat(100))).isBetween(own.minusMillis(200),
							own.plusSeconds(3));
				}
			});
	}

	@Test
	void defaultTimeouts() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(McpServerAutoConfiguration.class, McpRequestTimeoutsAutoConfiguration.class))
			.run((context) -> {
				McpLimitsProperties limits = context.getBean(McpServerProperties.class).getLimits();
				assertThat(limits.getRequestHeaderTimeout()).isEqualTo(Duration.ofSeconds(10));
				assertThat(limits.getRequestBodyTimeout()).isEqualTo(Duration.ofSeconds(30));
				assertThat(context).hasBean("mcpRequestTimeoutsCustomizer");
			});
	}

	@Test
	void negativeTimeoutFailsStartup() {
		this.runner.withPropertyValues("mcp.server.limits.request-header-timeout=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("mcp.server.limits.request-header-timeout must not be negative"));
	}

	@Test
	void notWhenTheMcpServerIsDisabled() {
		this.runner.withPropertyValues("mcp.server.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("mcpRequestTimeoutsCustomizer"));
	}

	@Test
	void applicationCustomizerOfTheSameNameReplacesIt() {
		NettyServerCustomizer own = (server) -> server;
		this.runner.withBean("mcpRequestTimeoutsCustomizer", NettyServerCustomizer.class, () -> own)
			.run((context) -> assertThat(context.getBean("mcpRequestTimeoutsCustomizer")).isSameAs(own));
	}

	private void runWithServer(ServerTest test) {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			test.run(((ReactiveWebServerApplicationContext) context.getSourceApplicationContext()).getWebServer()
				.getPort());
		});
	}

	private static String post(String body, String headers) {
		return "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
				+ "Accept: application/json, text/event-stream\r\n" + headers + "Content-Length: "
				+ body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
	}

	/**
	 * Read the stream for three times the deadline: keep-alive comments must still arrive
	 * after it, on a connection that stays open.
	 */
	private static void assertStreamStaysOpen(Socket socket) {
		long start = System.nanoTime();
		long end = start + TIMEOUT.multipliedBy(3).toNanos();
		StringBuilder afterDeadline = new StringBuilder();
		StringBuilder head = new StringBuilder();
		byte[] buffer = new byte[4096];
		while (System.nanoTime() < end) {
			int read = read(socket, buffer);
			assertThat(read).as("stream still open").isNotNegative();
			String text = new String(buffer, 0, Math.max(read, 0), StandardCharsets.UTF_8);
			boolean pastDeadline = System.nanoTime() - start > TIMEOUT.plusMillis(200).toNanos();
			((pastDeadline) ? afterDeadline : head).append(text);
		}
		assertThat(head.toString()).startsWith("HTTP/1.1 200 OK").contains("text/event-stream");
		assertThat(afterDeadline.toString()).contains(":keep-alive");
	}

	/**
	 * Send the given bytes one at a time, one every 100 ms, over and over, until the
	 * server closes the connection; at most 10 seconds.
	 * @return how long until the connection was closed
	 */
	private static Duration trickleUntilClosed(Socket socket, String bytes) {
		long start = System.nanoTime();
		long end = start + Duration.ofSeconds(10).toNanos();
		int next = 0;
		byte[] buffer = new byte[4096];
		while (System.nanoTime() < end) {
			try {
				if (!bytes.isEmpty()) {
					OutputStream output = socket.getOutputStream();
					output.write(bytes.charAt(next++ % bytes.length()));
					output.flush();
				}
				if (read(socket, buffer) < 0) {
					return Duration.ofNanos(System.nanoTime() - start);
				}
			}
			catch (IOException ex) {
				return Duration.ofNanos(System.nanoTime() - start);
			}
		}
		throw new AssertionError("Connection still open after 10 seconds");
	}

	/**
	 * Read for up to 100 ms.
	 * @return the bytes read, 0 if none arrived, -1 at end of stream
	 */
	private static int read(Socket socket, byte[] buffer) {
		try {
			socket.setSoTimeout(100);
			return socket.getInputStream().read(buffer);
		}
		catch (SocketTimeoutException ex) {
			return 0;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/**
	 * Read one response with a Content-Length.
	 */
	private static String readHead(Socket socket) throws IOException {
		socket.setSoTimeout(5_000);
		InputStream input = socket.getInputStream();
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int next = input.read();
			assertThat(next).as("response head").isNotNegative();
			head.append((char) next);
		}
		return head.toString();
	}

	private static String readResponse(Socket socket) {
		try {
			String head = readHead(socket);
			InputStream input = socket.getInputStream();
			int length = head.lines()
				.filter((line) -> line.regionMatches(true, 0, "Content-Length:", 0, 15))
				.mapToInt((line) -> Integer.parseInt(line.substring(15).trim()))
				.findFirst()
				.orElseThrow();
			return head + new String(input.readNBytes(length), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Socket connect(int port) {
		try {
			return new Socket("127.0.0.1", port);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void write(Socket socket, String text) {
		try {
			socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream().flush();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class EchoWebSocket {

		@Bean
		HandlerMapping echoWebSocketMapping() {
			WebSocketHandler echo = (session) -> session
				.send(session.receive().map((message) -> session.textMessage(message.getPayloadAsText())));
			return new SimpleUrlHandlerMapping(Map.of("/echo", echo), -1);
		}

	}

	@FunctionalInterface
	private interface ServerTest {

		void run(int port) throws IOException;

	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
