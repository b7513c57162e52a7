package dev.mcpspring.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.mcpspring.annotation.McpResource;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.model.Root;
import dev.mcpspring.test.RawHttp;
import dev.mcpspring.test.StdioPipe;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The interceptor chain covers every message (issue 16.2): a user interceptor sees the
 * client's notifications and responses, the messages sent to the client and the streams;
 * built-in interceptors have fixed places a user's {@code @Order} can refer to; list and
 * read results are cached until they change; tools over their rate limit are refused
 * before they run, with {@code 429} and {@code Retry-After} over HTTP and a JSON-RPC
 * error over stdio. Real Netty, the official Java SDK client.
 *
 * @author MCP Spring Boot team
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpMiddlewareIntegrationTests {

	private static final String HEAD = "POST /mcp HTTP/1.1\nHost: localhost\n"
			+ "Accept: application/json, text/event-stream\nContent-Type: application/json\n";

	private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
			+ "\"io.modelcontextprotocol/clientCapabilities\":{}}";

	private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
			+ "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

	private ConfigurableApplicationContext context;

	private int port;

	private McpSyncClient client;

	private final List<McpSchema.LoggingMessageNotification> logMessages = new CopyOnWriteArrayList<>();

	@BeforeAll
	void start() {
		this.context = new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "spring.main.banner-mode=off", "mcp.server.middleware.cache.enabled=true",
					"mcp.server.middleware.rate-limits.limited.limit=1",
					"mcp.server.middleware.rate-limits.limited.period=1h",
					"mcp.server.middleware.rate-limits.quota.limit=1",
					"mcp.server.middleware.rate-limits.quota.period=1h")
			.run();
		this.port = this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		this.client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + this.port).build())
			.requestTimeout(Duration.ofSeconds(20))
			.capabilities(McpSchema.ClientCapabilities.builder().roots(true).build())
			.roots(new McpSchema.Root("file:///projects/alpha", "alpha"))
			.loggingConsumer(this.logMessages::add)
			.build();
		this.client.initialize();
	}

	@AfterAll
	void stop() {
		this.client.close();
		this.context.close();
	}

	@Test
	void userInterceptorSeesNotificationsClientResponsesAndOutboundMessages() {
		Recorder outer = this.context.getBean("outer", Recorder.class);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(outer.seen).contains("notification notifications/initialized"));

		this.client.setLoggingLevel(McpSchema.LoggingLevel.INFO);
		McpSchema.CallToolResult result = this.client.callTool(new McpSchema.CallToolRequest("roots", Map.of()));

		assertThat(text(result)).isEqualTo("[file:///projects/alpha]");
		assertThat(outer.seen).contains("request tools/call roots", "outbound notifications/message",
				"outbound roots/list", "client-response result");
		assertThat(outer.clientResults).singleElement()
			.satisfies((roots) -> assertThat(roots.toString()).contains("file:///projects/alpha"));
		assertThat(this.logMessages).extracting(McpSchema.LoggingMessageNotification::data)
			.contains("Listing the roots");

		this.client.addRoot(new McpSchema.Root("file:///projects/beta", "beta"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(outer.seen).contains("notification notifications/roots/list_changed"));
	}

	@Test
	void streamsOpeningAndSessionsClosingGoThroughTheChain() throws IOException {
		Recorder outer = this.context.getBean("outer", Recorder.class);
		try (StdioPipe stdio = new StdioPipe(this.context.getBean(McpSessionService.class),
				this.context.getBean(JsonRpcCodec.class))) {
			int before = count(outer, "stream SESSION_STREAM");
			assertThat(stdio.exchange(INITIALIZE).path("result").isObject()).isTrue();
			assertThat(count(outer, "stream SESSION_STREAM")).isEqualTo(before + 1);
		}
		String sessionId = RawHttp.exchange(this.port, HEAD, INITIALIZE).header("Mcp-Session-Id");
		RawHttp.Response deleted = RawHttp.exchange(this.port, HEAD.replace("POST", "DELETE")
				+ "MCP-Protocol-Version: 2025-11-25\nMcp-Session-Id: " + sessionId + "\n", "");
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(outer.seen).contains("stream CLOSE " + sessionId);
	}

	@Test
	void listenStreamsAndTheirNotificationsGoThroughTheChain() {
		Recorder outer = this.context.getBean("outer", Recorder.class);
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
		Flux<ServerSentEvent<String>> events = client.post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM)
			.header("MCP-Protocol-Version", "2026-07-28")
			.header("Mcp-Method", "subscriptions/listen")
			.bodyValue("{\"jsonrpc\":\"2.0\",\"id\":\"listen-1\",\"method\":\"subscriptions/listen\",\"params\":{"
					+ META + ",\"notifications\":{\"toolsListChanged\":true}}}")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.getResponseBody();
		ToolRegistry tools = this.context.getBean(ToolRegistry.class);
		try {
			StepVerifier.create(events.filter((event) -> event.data() != null))
				.expectNextCount(1)
				.then(() -> tools.setEnabled("spare", false))
				.expectNextMatches((event) -> event.data().contains("notifications/tools/list_changed"))
				.thenCancel()
				.verify(Duration.ofSeconds(10));
		}
		finally {
			tools.setEnabled("spare", true);
		}
		assertThat(outer.seen).contains("stream LISTEN", "outbound notifications/tools/list_changed");
	}

	@Test
	void builtInInterceptorsKeepTheirPlacesAroundUserOnes() throws IOException {
		List<McpServerInterceptor> interceptors = this.context.getBean(McpServerHandler.class).getInterceptors();
		assertThat(interceptors).map(McpMiddlewareIntegrationTests::nameOf)
			.containsSubsequence("outer", "ToolRateLimitInterceptor", "ResponseCacheInterceptor", "inner");
		Recorder outer = this.context.getBean("outer", Recorder.class);
		Recorder inner = this.context.getBean("inner", Recorder.class);

		assertThat(post(call("limited", 1), "limited").status()).isEqualTo(200);
		assertThat(post(call("limited", 2), "limited").status()).isEqualTo(429);

		assertThat(outer.seen).filteredOn("request tools/call limited"::equals).hasSize(2);
		assertThat(inner.seen).filteredOn("request tools/call limited"::equals).hasSize(1);
		assertThat(this.context.getBean(Tools.class).limitedCalls.get()).isEqualTo(1);
	}

	@Test
	void listsAreCachedUntilTheyChange() throws IOException {
		// a session of its own: the Java SDK client lists tools again on list_changed
		String sessionId = RawHttp.exchange(this.port, HEAD, INITIALIZE).header("Mcp-Session-Id");
		Recorder inner = this.context.getBean("inner", Recorder.class);
		String listed = "request tools/list " + sessionId;
		String first = listTools(sessionId);
		assertThat(listTools(sessionId)).isEqualTo(first).contains("\"spare\"");
		assertThat(count(inner, listed)).isEqualTo(1);

		this.context.getBean(ToolRegistry.class).setEnabled("spare", false);
		try {
			assertThat(listTools(sessionId)).doesNotContain("\"spare\"");
			assertThat(count(inner, listed)).isEqualTo(2);
		}
		finally {
			this.context.getBean(ToolRegistry.class).setEnabled("spare", true);
		}
	}

	@Test
	void readsAreCachedUntilTheResourceIsUpdated() {
		Tools tools = this.context.getBean(Tools.class);
		McpSchema.ReadResourceRequest read = new McpSchema.ReadResourceRequest("memo://note");
		assertThat(contents(this.client.readResource(read))).isEqualTo("note 1");
		assertThat(contents(this.client.readResource(read))).isEqualTo("note 1");
		assertThat(tools.reads.get()).isEqualTo(1);

		this.context.getBean(ResourceUpdatePublisher.class).resourceUpdated("memo://note");

		assertThat(contents(this.client.readResource(read))).isEqualTo("note 2");
		assertThat(tools.reads.get()).isEqualTo(2);
	}

	@Test
	void callsOverTheRateLimitAreRefusedOnEveryTransport() throws IOException {
		String call = call("quota", 1);
		RawHttp.Response allowed = post(call, "quota");
		assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
		assertThat(allowed.body()).contains("granted");

		RawHttp.Response stateless = post(call.replace("\"id\":1", "\"id\":\"s-2\""), "quota");
		assertThat(stateless.status()).as(stateless.body()).isEqualTo(429);
		assertThat(Long.parseLong(stateless.header("Retry-After"))).isBetween(1L, 3600L);
		assertThat(stateless.body()).contains("\"id\":\"s-2\"")
			.contains("\"code\":-32603,\"message\":\"Rate limit exceeded\"");

		String sessionId = RawHttp.exchange(this.port, HEAD, INITIALIZE).header("Mcp-Session-Id");
		RawHttp.Response session = RawHttp.exchange(this.port,
				HEAD + "MCP-Protocol-Version: 2025-11-25\nMcp-Session-Id: " + sessionId + "\n",
				"{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"quota\"}}");
		assertThat(session.status()).as(session.body()).isEqualTo(429);
		assertThat(session.header("Retry-After")).isNotBlank();
		assertThat(session.body()).contains("\"id\":3").contains("Rate limit exceeded");

		try (StdioPipe stdio = new StdioPipe(this.context.getBean(McpSessionService.class),
				this.context.getBean(JsonRpcCodec.class))) {
			JsonNode answer = stdio.exchange(call.replace("\"id\":1", "\"id\":4"));
			assertThat(answer.path("id").asInt()).isEqualTo(4);
			assertThat(answer.path("error").path("code").asInt()).isEqualTo(-32603);
			assertThat(answer.path("error").path("message").asString()).isEqualTo("Rate limit exceeded");
			assertThat(answer.path("error").path("data").path("retryAfterSeconds").asLong()).isBetween(1L, 3600L);
		}
		assertThat(this.context.getBean(Tools.class).quotaCalls.get()).isEqualTo(1);
	}

	private static String call(String tool, int id) {
		return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{" + META + ",\"name\":\""
				+ tool + "\",\"arguments\":{}}}";
	}

	private RawHttp.Response post(String body, String tool) throws IOException {
		return RawHttp.exchange(this.port,
				HEAD + "MCP-Protocol-Version: 2026-07-28\nMcp-Method: tools/call\n" + "Mcp-Name: " + tool + "\n",
				body.getBytes(StandardCharsets.UTF_8));
	}

	private String listTools(String sessionId) throws IOException {
		RawHttp.Response response = RawHttp.exchange(this.port,
				HEAD + "MCP-Protocol-Version: 2025-11-25\nMcp-Session-Id: " + sessionId + "\n",
				"{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.body().replace("\"id\":5,", "");
	}

	private static int count(Recorder recorder, String entry) {
		return (int) recorder.seen.stream().filter(entry::equals).count();
	}

	private static String nameOf(McpServerInterceptor interceptor) {
		return (interceptor instanceof Recorder recorder) ? recorder.name : interceptor.getClass().getSimpleName();
	}

	private static String text(McpSchema.CallToolResult result) {
		return ((McpSchema.TextContent) result.content().get(0)).text();
	}

	private static String contents(McpSchema.ReadResourceResult result) {
		return ((McpSchema.TextResourceContents) result.contents().get(0)).text();
	}

	/**
	 * Records what it sees on every hook.
	 */
	static class Recorder implements McpServerInterceptor {

		final String name;

		final List<String> seen = new CopyOnWriteArrayList<>();

		final List<Object> clientResults = new CopyOnWriteArrayList<>();

		Recorder(String name) {
			this.name = name;
		}

		@Override
		public Mono<McpResponse> intercept(McpRequest request, Chain chain) {
			McpOperation operation = request.operation();
			String detail = (operation.kind() == McpOperation.Kind.TOOL) ? " " + operation.name()
					: "tools/list".equals(request.method()) ? " " + request.sessionId() : "";
			this.seen.add("request " + request.method() + detail);
			return chain.next(request);
		}

		@Override
		public Mono<Void> onNotification(McpNotification notification, NotificationChain chain) {
			this.seen.add("notification " + notification.method());
			return chain.next(notification);
		}

		@Override
		public Mono<Void> onClientResponse(McpClientResponse response, ClientResponseChain chain) {
			this.seen.add("client-response " + (response.isError() ? "error" : "result"));
			if (!response.isError()) {
				this.clientResults.add(response.message().result());
			}
			return chain.next(response);
		}

		@Override
		public Mono<JsonRpcMessage> onOutbound(McpOutboundMessage message, OutboundChain chain) {
			this.seen.add("outbound " + message.method());
			return chain.next(message);
		}

		@Override
		public Flux<JsonRpcMessage> onStream(McpStreamOperation operation, StreamChain chain) {
			this.seen.add("stream " + operation.kind()
					+ ((operation.kind() == McpStreamOperation.Kind.CLOSE) ? " " + operation.sessionId() : ""));
			return chain.next(operation);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(exclude = { ReactiveWebSecurityAutoConfiguration.class,
			ReactiveUserDetailsServiceAutoConfiguration.class, ReactiveManagementWebSecurityAutoConfiguration.class })
	static class App {

		@Bean
		@Order(McpInterceptorOrder.RATE_LIMIT - 1)
		Recorder outer() {
			return new Recorder("outer");
		}

		@Bean
		Recorder inner() {
			return new Recorder("inner");
		}

		@Bean
		Tools tools() {
			return new Tools();
		}

	}

	static class Tools {

		final AtomicInteger limitedCalls = new AtomicInteger();

		final AtomicInteger quotaCalls = new AtomicInteger();

		final AtomicInteger reads = new AtomicInteger();

		@McpTool
		Mono<String> roots(McpContext context) {
			context.info("Listing the roots");
			return context.listRoots().map((roots) -> roots.stream().map(Root::uri).toList().toString());
		}

		@McpTool
		String limited() {
			this.limitedCalls.incrementAndGet();
			return "ok";
		}

		@McpTool
		String quota() {
			this.quotaCalls.incrementAndGet();
			return "granted";
		}

		@McpTool
		String spare() {
			return "spare";
		}

		@McpResource(uri = "memo://note", name = "note")
		String note() {
			return "note " + this.reads.incrementAndGet();
		}

	}

}
