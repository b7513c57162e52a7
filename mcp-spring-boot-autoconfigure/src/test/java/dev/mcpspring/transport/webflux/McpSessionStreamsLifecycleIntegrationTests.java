package dev.mcpspring.transport.webflux;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.mcpspring.autoconfigure.McpEventLoopAutoConfiguration;
import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.autoconfigure.McpWebFluxAutoConfiguration;
import dev.mcpspring.server.McpSessionService;
import dev.mcpspring.transport.webflux.McpStreamableHttpHandlerTests.EchoTools;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.server.reactive.context.AnnotationConfigReactiveWebServerApplicationContext;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link McpSessionStreamsLifecycle} ends the open streams when the
 * application closes, ahead of the graceful shutdown of a real Netty server, so that
 * shutdown is not held up for the whole grace period.
 *
 * @author MCP Spring Boot team
 */
class McpSessionStreamsLifecycleIntegrationTests {

	private static final Duration GRACE_PERIOD = Duration.ofSeconds(15);

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner(
			AnnotationConfigReactiveWebServerApplicationContext::new)
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class,
				NettyReactiveWebServerAutoConfiguration.class, LifecycleAutoConfiguration.class,
				McpEventLoopAutoConfiguration.class, McpServerAutoConfiguration.class,
				McpWebFluxAutoConfiguration.class))
		.withBean(EchoTools.class)
		.withPropertyValues("server.port=0", "server.address=127.0.0.1", "server.shutdown=graceful",
				"spring.lifecycle.timeout-per-shutdown-phase=" + GRACE_PERIOD.toSeconds() + "s",
				"mcp.server.transport.sse.enabled=true");

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test // gh-20
	void closeEndsListenStreamWithTheResponseToItsListenRequest() {
		this.contextRunner.run((context) -> {
			List<String> lines = new CopyOnWriteArrayList<>();
			CompletableFuture<?> stream = open(context,
					HttpRequest.newBuilder(uri(context, "/mcp"))
						.header("Content-Type", "application/json")
						.header("Accept", "application/json, text/event-stream")
						.header("MCP-Protocol-Version", "2026-07-28")
						.header("Mcp-Method", "subscriptions/listen")
						.POST(HttpRequest.BodyPublishers.ofString(McpStreamLimitTests.LISTEN)),
					lines);
			awaitOpenStreams(context, 1);
			assertThat(closeTakes(context)).isLessThan(GRACE_PERIOD.dividedBy(3));
			stream.get(5, TimeUnit.SECONDS);
			List<String> data = lines.stream().filter((line) -> line.startsWith("data:")).toList();
			assertThat(data).hasSize(2);
			assertThat(data.get(0)).contains("notifications/subscriptions/acknowledged");
			assertThat(data.get(1)).isEqualTo("data:{\"jsonrpc\":\"2.0\",\"id\":\"listen-1\",\"result\":"
					+ "{\"resultType\":\"complete\",\"_meta\":{\"io.modelcontextprotocol/subscriptionId\":\"listen-1\"}}}");
		});
	}

	@Test // gh-20
	void closeEndsLegacySseConnections() {
		this.contextRunner.run((context) -> {
			List<String> lines = new CopyOnWriteArrayList<>();
			CompletableFuture<?> stream = open(context,
					HttpRequest.newBuilder(uri(context, "/sse")).header("Accept", "text/event-stream").GET(), lines);
			awaitOpenStreams(context, 1);
			assertThat(closeTakes(context)).isLessThan(GRACE_PERIOD.dividedBy(3));
			stream.get(5, TimeUnit.SECONDS);
			assertThat(lines).contains("event:endpoint");
		});
	}

	@Test // a paused and restarted context, as a cached test context is
	void restartAcceptsLegacySseConnectionsAgain() {
		this.contextRunner.run((context) -> {
			McpSessionStreamsLifecycle lifecycle = context.getBean(McpSessionStreamsLifecycle.class);
			lifecycle.stop();
			lifecycle.start();
			HttpResponse<java.util.stream.Stream<String>> response = this.client.send(
					HttpRequest.newBuilder(uri(context, "/sse")).header("Accept", "text/event-stream").GET().build(),
					HttpResponse.BodyHandlers.ofLines());
			java.util.Iterator<String> lines = response.body().iterator();
			assertThat(lines.next()).isEqualTo("event:endpoint");
			String endpoint = lines.next().substring("data:".length());
			HttpResponse<String> accepted = this.client.send(HttpRequest.newBuilder(uri(context, endpoint))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(McpStreamableHttpHandlerTests.INITIALIZE))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(accepted.statusCode()).isEqualTo(202);
			String data = lines.next();
			while (!data.startsWith("data:")) {
				data = lines.next();
			}
			assertThat(data).contains("\"id\":1").contains("\"protocolVersion\"");
			response.body().close();
		});
	}

	private CompletableFuture<?> open(AssertableReactiveWebApplicationContext context, HttpRequest.Builder request,
			List<String> lines) {
		return this.client
			.sendAsync(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofLines())
			.thenAccept((response) -> {
				assertThat(response.statusCode()).isEqualTo(200);
				response.body().forEach(lines::add);
			});
	}

	private static URI uri(AssertableReactiveWebApplicationContext context, String path) {
		int port = ((ReactiveWebServerApplicationContext) context.getSourceApplicationContext()).getWebServer()
			.getPort();
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static void awaitOpenStreams(AssertableReactiveWebApplicationContext context, int count) {
		McpSessionService handler = context.getBean(McpSessionService.class);
		McpStreamLimitTests.awaitTrue(() -> handler.getOpenStreams().getOpenCount() == count);
	}

	private static Duration closeTakes(AssertableReactiveWebApplicationContext context) {
		long start = System.nanoTime();
		context.close();
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
