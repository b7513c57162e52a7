package dev.mcpspring.transport.webmvc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.autoconfigure.McpWebMvcAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpHttpHandlerServlet} on a real Tomcat: the WebFlux transports answer
 * on a servlet container as they do on Netty, and their streams are not cut by the
 * container's async timeout.
 *
 * @author MCP Spring Boot team
 */
class McpHttpHandlerServletIntegrationTests {

	private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
			+ "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1.0\"}}}";

	private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

	private static final String ECHO = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
			+ "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}";

	private static final String INTERRUPTED = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
			+ "{\"name\":\"interrupted\",\"arguments\":{}}}";

	private static final String ECHO_RESULT = "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":"
			+ "{\"content\":[{\"type\":\"text\",\"text\":\"echo hi\"}]}}";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner(
			AnnotationConfigServletWebServerApplicationContext::new)
		.withConfiguration(
				AutoConfigurations.of(JacksonAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
						McpServerAutoConfiguration.class, McpWebMvcAutoConfiguration.class))
		.withBean(EchoTools.class)
		.withPropertyValues("server.port=0", "server.address=127.0.0.1", "mcp.server.transport.sse.enabled=true");

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void streamableHttpAnswersInJsonWithASession() {
		this.contextRunner.run((context) -> {
			HttpResponse<String> initialize = send(post(context, null, INITIALIZE));
			assertThat(initialize.statusCode()).isEqualTo(200);
			assertThat(initialize.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
			assertThat(initialize.body()).contains("\"protocolVersion\":\"2025-11-25\"");
			String session = initialize.headers().firstValue("Mcp-Session-Id").orElseThrow();
			assertThat(send(post(context, session, INITIALIZED)).statusCode()).isEqualTo(202);
			HttpResponse<String> echo = send(post(context, session, ECHO));
			assertThat(echo.statusCode()).isEqualTo(200);
			assertThat(echo.body()).isEqualTo(ECHO_RESULT);
			HttpResponse<String> delete = send(request(context, "/mcp").header("Mcp-Session-Id", session)
				.header("MCP-Protocol-Version", "2025-11-25")
				.DELETE());
			assertThat(delete.statusCode()).isBetween(200, 204);
			assertThat(send(post(context, session, ECHO)).statusCode()).isEqualTo(404);
		});
	}

	@Test
	void getOpensAnEventStreamOfTheSession() {
		this.contextRunner.run((context) -> {
			String session = initialize(context);
			HttpResponse<Stream<String>> stream = this.client
				.send(request(context, "/mcp").header("Accept", "text/event-stream")
					.header("Mcp-Session-Id", session)
					.header("MCP-Protocol-Version", "2025-11-25")
					.GET()
					.build(), HttpResponse.BodyHandlers.ofLines());
			assertThat(stream.statusCode()).isEqualTo(200);
			assertThat(stream.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
			stream.body().close();
		});
	}

	@Test
	void rejectsAForeignOrigin() {
		this.contextRunner.run((context) -> {
			HttpResponse<String> response = send(
					post(context, null, INITIALIZE).header("Origin", "https://evil.example"));
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.body()).contains("\"code\":").doesNotContain("Exception");
		});
	}

	@Test
	void otherPathsAreNotServed() {
		this.contextRunner
			.run((context) -> assertThat(send(request(context, "/other").GET()).statusCode()).isEqualTo(404));
	}

	@Test
	void legacySseSendsTheEndpointAndAnswersOnTheStream() {
		this.contextRunner.run((context) -> {
			HttpResponse<Stream<String>> response = this.client.send(
					request(context, "/sse").header("Accept", "text/event-stream").GET().build(),
					HttpResponse.BodyHandlers.ofLines());
			assertThat(response.statusCode()).isEqualTo(200);
			Iterator<String> lines = response.body().iterator();
			assertThat(lines.next()).isEqualTo("event:endpoint");
			String endpoint = lines.next().substring("data:".length());
			assertThat(endpoint).startsWith("/mcp/message?sessionId=");
			CompletableFuture<HttpResponse<String>> accepted = this.client
				.sendAsync(request(context, endpoint).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(accepted.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
			String data = nextData(lines);
			assertThat(data).contains("\"id\":1").contains("\"protocolVersion\":\"2025-11-25\"");
			response.body().close();
		});
	}

	/**
	 * A blocking tool whose thread is interrupted (as a cancelled or timed-out call's is)
	 * must not take the client's stream down with it: on Tomcat, a write from an
	 * interrupted thread fails and the connection is closed at once, which ended legacy
	 * SSE sessions mid-test.
	 */
	@Test
	void writesFromAnInterruptedToolThreadKeepTheStreamOpen() {
		this.contextRunner.run((context) -> {
			HttpResponse<Stream<String>> response = this.client.send(
					request(context, "/sse").header("Accept", "text/event-stream").GET().build(),
					HttpResponse.BodyHandlers.ofLines());
			Iterator<String> lines = response.body().iterator();
			assertThat(lines.next()).isEqualTo("event:endpoint");
			String endpoint = lines.next().substring("data:".length());
			for (String message : List.of(INITIALIZE, INITIALIZED, INTERRUPTED, ECHO)) {
				assertThat(send(request(context, endpoint).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(message))).statusCode()).isEqualTo(202);
				if (message.contains("\"id\"")) {
					String answer = nextData(lines);
					assertThat(answer).as(message).contains("\"result\"");
				}
			}
			response.body().close();
			String session = initialize(context);
			assertThat(send(post(context, session, INTERRUPTED)).body()).contains("\"text\":\"done\"");
			assertThat(send(post(context, session, ECHO)).body()).isEqualTo(ECHO_RESULT);
		});
	}

	@Test
	void streamsOutliveTheContainersAsyncTimeout() {
		this.contextRunner
			.withBean("shortAsyncTimeout", TomcatConnectorCustomizer.class,
					() -> (connector) -> connector.setAsyncTimeout(500))
			.run((context) -> {
				HttpResponse<Stream<String>> response = this.client.send(
						request(context, "/sse").header("Accept", "text/event-stream").GET().build(),
						HttpResponse.BodyHandlers.ofLines());
				Iterator<String> lines = response.body().iterator();
				assertThat(lines.next()).isEqualTo("event:endpoint");
				String endpoint = lines.next().substring("data:".length());
				Thread.sleep(1500);
				assertThat(send(request(context, endpoint).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))).statusCode()).isEqualTo(202);
				assertThat(nextData(lines)).contains("\"id\":1");
				response.body().close();
			});
	}

	private static String nextData(Iterator<String> lines) {
		while (lines.hasNext()) {
			String line = lines.next();
			if (line.startsWith("data:")) {
				return line.substring("data:".length());
			}
		}
		throw new AssertionError("Stream ended without data");
	}

	private String initialize(AssertableWebApplicationContext context) throws Exception {
		HttpResponse<String> initialize = send(post(context, null, INITIALIZE));
		String session = initialize.headers().firstValue("Mcp-Session-Id").orElseThrow();
		send(post(context, session, INITIALIZED));
		return session;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest.Builder post(AssertableWebApplicationContext context, String session, String body) {
		HttpRequest.Builder request = request(context, "/mcp").header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (session != null) {
			request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
		}
		return request;
	}

	private static HttpRequest.Builder request(AssertableWebApplicationContext context, String path) {
		int port = ((ServletWebServerApplicationContext) context.getSourceApplicationContext()).getWebServer()
			.getPort();
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
	}

	static class EchoTools {

		@McpTool
		String echo(String text) {
			return "echo " + text;
		}

		@McpTool
		String interrupted() {
			Thread.currentThread().interrupt();
			return "done";
		}

	}

}
