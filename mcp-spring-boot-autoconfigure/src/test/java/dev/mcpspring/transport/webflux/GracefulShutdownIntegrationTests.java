package dev.mcpspring.transport.webflux;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.test.RawHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the application with {@code server.shutdown=graceful} while slow tool calls are
 * in flight and a session's GET stream is open (issue 14.4): every call completes with
 * its result, and the stream ends cleanly (the last chunk of its chunked body) instead of
 * holding the shutdown up or being cut. Real Netty server, raw sockets.
 *
 * @author MCP Spring Boot team
 */
class GracefulShutdownIntegrationTests {

	private static final int CALLS = 20;

	private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
			+ "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

	private static final String POST = "POST /mcp HTTP/1.1\nHost: localhost\n"
			+ "Accept: application/json, text/event-stream\nContent-Type: application/json\n";

	@Test
	void inFlightCallsCompleteAndStreamsEndCleanly() throws Exception {
		CountDownLatch started = new CountDownLatch(CALLS);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "spring.main.banner-mode=off", "server.shutdown=graceful",
					"spring.lifecycle.timeout-per-shutdown-phase=30s")
			.initializers((ctx) -> ctx.getBeanFactory().registerSingleton("started", started))
			.run();
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		String sessionId = RawHttp.exchange(port, POST, INITIALIZE).header("Mcp-Session-Id");
		String session = "MCP-Protocol-Version: 2025-11-25\nMcp-Session-Id: " + sessionId + "\n";
		RawHttp.exchange(port, POST + session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

		// a thread per call: the common pool may run one blocking task at a time on two
		// cores
		ExecutorService clients = Executors.newFixedThreadPool(CALLS);
		try (Socket stream = openGetStream(port, session)) {
			List<CompletableFuture<RawHttp.Response>> calls = new ArrayList<>();
			for (int i = 0; i < CALLS; i++) {
				String call = "{\"jsonrpc\":\"2.0\",\"id\":" + (100 + i)
						+ ",\"method\":\"tools/call\",\"params\":{\"name\":\"slow\",\"arguments\":{\"millis\":1500}}}";
				calls.add(CompletableFuture.supplyAsync(() -> exchange(port, POST + session, call), clients));
			}
			assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();

			long closing = System.nanoTime();
			CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close);

			int completed = 0;
			for (int i = 0; i < CALLS; i++) {
				RawHttp.Response response = calls.get(i).get(30, TimeUnit.SECONDS);
				if (response.status() == 200 && response.body().contains("\"id\":" + (100 + i))
						&& response.body().contains("slept 1500")) {
					completed++;
				}
			}
			assertThat(completed).as("calls completed with their result").isEqualTo(CALLS);
			String rest = readToEnd(stream.getInputStream());
			assertThat(rest).as("the GET stream ends with the last chunk").endsWith("0\r\n\r\n");
			closed.get(30, TimeUnit.SECONDS);
			assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - closing)).isLessThan(30);
		}
		finally {
			clients.shutdownNow();
		}
	}

	private static Socket openGetStream(int port, String session) throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
		socket.setSoTimeout(30_000);
		String head = ("GET /mcp HTTP/1.1\nHost: localhost\nAccept: text/event-stream\n" + session).strip()
			.replace("\n", "\r\n") + "\r\n\r\n";
		OutputStream output = socket.getOutputStream();
		output.write(head.getBytes(StandardCharsets.ISO_8859_1));
		output.flush();
		byte[] start = new byte[512];
		int n = socket.getInputStream().read(start);
		assertThat(new String(start, 0, n, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");
		return socket;
	}

	private static String readToEnd(InputStream input) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int n;
		while ((n = input.read(buffer)) != -1) {
			bytes.write(buffer, 0, n);
			if (bytes.toString(StandardCharsets.ISO_8859_1).endsWith("0\r\n\r\n")) {
				break;
			}
		}
		return bytes.toString(StandardCharsets.ISO_8859_1);
	}

	private static RawHttp.Response exchange(int port, String head, String body) {
		try {
			return RawHttp.exchange(port, head, body);
		}
		catch (IOException ex) {
			return new RawHttp.Response(0, "", ex.toString());
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(exclude = { ReactiveWebSecurityAutoConfiguration.class,
			ReactiveUserDetailsServiceAutoConfiguration.class, ReactiveManagementWebSecurityAutoConfiguration.class })
	static class App {

		@Bean
		Tools tools(CountDownLatch started) {
			return new Tools(started);
		}

	}

	static class Tools {

		private final CountDownLatch started;

		Tools(CountDownLatch started) {
			this.started = started;
		}

		@McpTool
		String slow(long millis) throws InterruptedException {
			this.started.countDown();
			Thread.sleep(millis);
			return "slept " + millis;
		}

	}

}
