package dev.mcpspring.redis;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One instance of an MCP server on a random port, and the raw HTTP a client sends it.
 *
 * @author MCP Spring Boot team
 */
final class McpInstance implements AutoCloseable {

	static final String VERSION = "2025-11-25";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper jsonMapper = new JsonMapper();

	private final ConfigurableApplicationContext context;

	private final WebClient client;

	private final int port;

	McpInstance(Class<?> application, String... properties) {
		this.context = new SpringApplicationBuilder(application).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "spring.main.banner-mode=off")
			.properties(properties)
			.run();
		this.port = this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		this.client = WebClient.builder().baseUrl("http://127.0.0.1:" + this.port).build();
	}

	ConfigurableApplicationContext getContext() {
		return this.context;
	}

	int getPort() {
		return this.port;
	}

	/**
	 * Start a session and send {@code notifications/initialized}.
	 */
	String initialize() {
		Response response = postAsync(null, """
				{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25",
				"capabilities":{"elicitation":{}},"clientInfo":{"name":"test","version":"1"}}}""").block(TIMEOUT);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		String sessionId = response.sessionId();
		assertThat(post(sessionId, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").status())
			.isEqualTo(202);
		return sessionId;
	}

	Response post(@Nullable String sessionId, String body) {
		return postAsync(sessionId, body).block(TIMEOUT);
	}

	Mono<Response> postAsync(@Nullable String sessionId, String body) {
		return this.client.post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept", "application/json, text/event-stream")
			.headers((headers) -> {
				headers.add("MCP-Protocol-Version", VERSION);
				if (sessionId != null) {
					headers.add("Mcp-Session-Id", sessionId);
				}
			})
			.bodyValue(body)
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map((text) -> new Response(response.statusCode().value(),
						response.headers().asHttpHeaders().getFirst("Mcp-Session-Id"), text)));
	}

	/**
	 * Post a stateless 2026-07-28 request, answered with JSON.
	 * @param method the method, sent as {@code Mcp-Method}
	 * @param name the tool name sent as {@code Mcp-Name}, or {@code null}
	 * @param body the request, with its {@code _meta}
	 */
	Response postStateless(String method, @Nullable String name, String body) {
		return this.client.post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept", "application/json, text/event-stream")
			.header("MCP-Protocol-Version", "2026-07-28")
			.header("Mcp-Method", method)
			.headers((headers) -> {
				if (name != null) {
					headers.add("Mcp-Name", name);
				}
			})
			.bodyValue(body)
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map((text) -> new Response(response.statusCode().value(), null, text)))
			.block(TIMEOUT);
	}

	/**
	 * Open a GET stream, or resume one after an event id.
	 */
	EventStream get(String sessionId, @Nullable String lastEventId) {
		return stream(this.client.get()
			.uri("/mcp")
			.header("Accept", "text/event-stream")
			.header("Mcp-Session-Id", sessionId)
			.header("MCP-Protocol-Version", VERSION)
			.headers((headers) -> {
				if (lastEventId != null) {
					headers.add("Last-Event-ID", lastEventId);
				}
			}));
	}

	/**
	 * Post a request answered with an SSE stream.
	 */
	EventStream postStream(String sessionId, String body) {
		return stream(this.client.post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept", "application/json, text/event-stream")
			.header("Mcp-Session-Id", sessionId)
			.header("MCP-Protocol-Version", VERSION)
			.bodyValue(body));
	}

	private EventStream stream(WebClient.RequestHeadersSpec<?> request) {
		BlockingQueue<ServerSentEvent<String>> events = new LinkedBlockingQueue<>();
		EventStream stream = new EventStream(events);
		stream.subscription = request.retrieve().bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
		})
			.filter((event) -> event.data() != null)
			.subscribe(events::add, (ex) -> stream.ended = true, () -> stream.ended = true);
		return stream;
	}

	@Override
	public void close() {
		this.context.close();
	}

	static JsonNode json(String text) {
		return jsonMapper.readTree(text);
	}

	record Response(int status, @Nullable String sessionId, String body) {

		JsonNode json() {
			return McpInstance.json(this.body);
		}

	}

	static final class EventStream implements AutoCloseable {

		private final BlockingQueue<ServerSentEvent<String>> events;

		private Disposable subscription;

		volatile boolean ended;

		EventStream(BlockingQueue<ServerSentEvent<String>> events) {
			this.events = events;
		}

		/**
		 * Wait for the next message that is not a keep-alive.
		 */
		ServerSentEvent<String> next() {
			try {
				ServerSentEvent<String> event = this.events.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				assertThat(event).as("an event within " + TIMEOUT).isNotNull();
				return event;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		JsonNode nextMessage() {
			return json(next().data());
		}

		@Nullable ServerSentEvent<String> poll(Duration wait) throws InterruptedException {
			return this.events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
		}

		boolean isEnded() {
			return this.ended;
		}

		@Override
		public void close() {
			this.subscription.dispose();
		}

	}

}
