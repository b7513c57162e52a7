package dev.mcpspring.transport.webflux;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.server.McpContext;
import dev.mcpspring.test.RawHttp;
import dev.mcpspring.transport.support.StreamWriteLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that stops reading an SSE stream while a tool floods it with progress
 * notifications cannot make the server hold them without bound (issue 14.5): the stream
 * is ended (its last chunk follows what was already in flight) once too many events wait
 * or they make no progress for the write timeout, the ending is counted and logged once
 * at WARN, and the server goes on serving. Real Netty server, raw socket client with a
 * small receive buffer.
 *
 * @author MCP Spring Boot team
 */
@ExtendWith(OutputCaptureExtension.class)
class SlowStreamReaderIntegrationTests {

	private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
			+ "\"io.modelcontextprotocol/clientCapabilities\":{},\"progressToken\":\"p\"}";

	private static final String HEAD = "POST /mcp HTTP/1.1\nHost: localhost\n"
			+ "Accept: application/json, text/event-stream\nContent-Type: application/json\n"
			+ "MCP-Protocol-Version: 2026-07-28\nMcp-Method: tools/call\n";

	private ConfigurableApplicationContext context;

	private int port;

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void streamOverItsPendingEventsIsClosed(CapturedOutput output) throws Exception {
		start("mcp.server.limits.max-pending-stream-events=100", "mcp.server.limits.stream-write-timeout=1m");
		try (Socket socket = openFlood(20_000, 1_000)) {
			StreamWriteLimits limits = this.context.getBean(StreamWriteLimits.class);
			awaitClosedStreams(limits, 1);
			long read = drainToEnd(socket.getInputStream());
			// what was in flight (socket buffers, Netty) arrives, then the end of the
			// stream
			assertThat(read).isLessThan(20_000L * 1_000);
		}
		assertStillServing();
		assertThat(output.getOut().split("Closed an SSE stream whose client reads too slowly", -1)).hasSize(2);
		assertThat(output.getOut()).contains("more than 100 events waiting");
	}

	@Test
	void streamWithoutWriteProgressIsClosedAfterTheWriteTimeout(CapturedOutput output) throws Exception {
		start("mcp.server.limits.max-pending-stream-events=100000", "mcp.server.limits.stream-write-timeout=1s");
		try (Socket socket = openFlood(2_000, 20_000)) {
			StreamWriteLimits limits = this.context.getBean(StreamWriteLimits.class);
			awaitClosedStreams(limits, 1);
			drainToEnd(socket.getInputStream());
		}
		assertStillServing();
		assertThat(output.getOut()).contains("no write progress for PT1S");
	}

	private void start(String... properties) {
		this.context = new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "spring.main.banner-mode=off")
			.properties(properties)
			.run();
		this.port = this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/**
	 * Call the flooding tool and read only the start of the answer, then stop reading.
	 */
	private Socket openFlood(int count, int size) throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(4096);
		socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
		socket.setSoTimeout(30_000);
		byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{" + META
				+ ",\"name\":\"flood\",\"arguments\":{\"count\":" + count + ",\"size\":" + size + "}}}")
			.getBytes(StandardCharsets.UTF_8);
		String head = (HEAD + "Mcp-Name: flood\n").strip().replace("\n", "\r\n") + "\r\nContent-Length: " + body.length
				+ "\r\n\r\n";
		OutputStream out = socket.getOutputStream();
		out.write(head.getBytes(StandardCharsets.ISO_8859_1));
		out.write(body);
		out.flush();
		byte[] start = new byte[256];
		int n = socket.getInputStream().read(start);
		assertThat(new String(start, 0, n, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");
		return socket;
	}

	private static void awaitClosedStreams(StreamWriteLimits limits, long expected) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (limits.getClosedStreams() < expected && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(limits.getClosedStreams()).isEqualTo(expected);
	}

	/**
	 * Read what was in flight (socket buffers, Netty), up to the last chunk that ends the
	 * response.
	 */
	private static long drainToEnd(InputStream input) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		byte[] tail = new byte[0];
		long total = 0;
		int n;
		while ((n = input.read(buffer)) != -1) {
			total += n;
			byte[] last = new byte[Math.min(5, tail.length + n)];
			byte[] joined = new byte[tail.length + n];
			System.arraycopy(tail, 0, joined, 0, tail.length);
			System.arraycopy(buffer, 0, joined, tail.length, n);
			System.arraycopy(joined, joined.length - last.length, last, 0, last.length);
			tail = last;
			if (new String(tail, StandardCharsets.ISO_8859_1).equals("0\r\n\r\n")) {
				return total;
			}
		}
		return total;
	}

	private void assertStillServing() throws IOException {
		String echo = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{" + META
				+ ",\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}";
		RawHttp.Response response = RawHttp.exchange(this.port, HEAD + "Mcp-Name: echo\n", echo);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("echo hi");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(exclude = { ReactiveWebSecurityAutoConfiguration.class,
			ReactiveUserDetailsServiceAutoConfiguration.class, ReactiveManagementWebSecurityAutoConfiguration.class })
	static class App {

		@Bean
		Tools tools() {
			return new Tools();
		}

	}

	static class Tools {

		@McpTool
		String echo(String text) {
			return "echo " + text;
		}

		@McpTool
		String flood(int count, int size, McpContext context) {
			String filler = "x".repeat(size);
			for (int i = 0; i < count; i++) {
				try {
					context.progress(i, (double) count, filler);
				}
				catch (RuntimeException ex) {
					// the stream is gone
					break;
				}
			}
			return "flooded";
		}

	}

}
