package dev.mcpspring.test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.Assert;

/**
 * Reaches the server over Streamable HTTP with a {@link WebTestClient}: JSON and SSE
 * answers, the {@code Mcp-Session-Id} and {@code MCP-Protocol-Version} headers, and
 * {@code DELETE} to end a session.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
final class WebTestClientMcpTestTransport implements McpTestTransport {

	static final String SESSION_ID_HEADER = "Mcp-Session-Id";

	static final String PROTOCOL_VERSION_HEADER = "MCP-Protocol-Version";

	static final String METHOD_HEADER = "Mcp-Method";

	static final String NAME_HEADER = "Mcp-Name";

	private static final Map<String, String> NAME_SOURCES = Map.of("tools/call", "name", "prompts/get", "name",
			"resources/read", "uri");

	private final WebTestClient client;

	private final String path;

	private final JsonMapper jsonMapper;

	WebTestClientMcpTestTransport(WebTestClient client, String path, JsonMapper jsonMapper) {
		Assert.notNull(client, "WebTestClient is required");
		Assert.hasText(path, "path must not be empty");
		this.client = client;
		this.path = path;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public Flux<JsonNode> send(ObjectNode message, McpTestSession session) {
		// exchange() waits for the response headers: never on an event loop
		return Flux.defer(() -> exchange(message, session)).subscribeOn(Schedulers.boundedElastic());
	}

	private Flux<JsonNode> exchange(ObjectNode message, McpTestSession session) {
		WebTestClient.RequestBodySpec spec = this.client.post()
			.uri(this.path)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM);
		headers(spec, session);
		if (session.isStateless() && message.has("method")) {
			standardHeaders(spec, message);
		}
		FluxExchangeResult<String> result = spec.bodyValue(this.jsonMapper.writeValueAsString(message))
			.exchange()
			.returnResult(String.class);
		HttpStatusCode status = result.getStatus();
		if (message.has("method") && "initialize".equals(message.get("method").asString())) {
			String sessionId = result.getResponseHeaders().getFirst(SESSION_ID_HEADER);
			if (sessionId != null) {
				session.setSessionId(sessionId);
			}
		}
		if (status.value() == 202) {
			return Flux.empty();
		}
		MediaType contentType = result.getResponseHeaders().getContentType();
		if (status.is2xxSuccessful() && contentType != null
				&& MediaType.TEXT_EVENT_STREAM.isCompatibleWith(contentType)) {
			return result.getResponseBody().filter((data) -> !data.isBlank()).map(this.jsonMapper::readTree);
		}
		return result.getResponseBody().collect(Collectors.joining()).map((body) -> parse(body, status)).flux();
	}

	private JsonNode parse(String body, HttpStatusCode status) {
		if (body.isBlank()) {
			throw new IllegalStateException("HTTP " + status.value() + " without a body");
		}
		try {
			return this.jsonMapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("HTTP " + status.value() + " with a body that is not JSON: " + body, ex);
		}
	}

	@Override
	public Mono<Void> close(McpTestSession session) {
		if (session.getSessionId() == null) {
			return Mono.empty();
		}
		WebTestClient.RequestHeadersSpec<?> spec = this.client.delete().uri(this.path);
		headers(spec, session);
		spec.exchange().expectStatus().is2xxSuccessful();
		return Mono.empty();
	}

	/**
	 * The headers the stateless revision mirrors from the body: {@code Mcp-Method} and
	 * {@code Mcp-Name}, Base64-encoded when not plain ASCII.
	 */
	private static void standardHeaders(WebTestClient.RequestHeadersSpec<?> spec, ObjectNode message) {
		String method = message.get("method").asString();
		spec.header(METHOD_HEADER, method);
		String nameSource = NAME_SOURCES.get(method);
		JsonNode name = (nameSource != null) ? message.path("params").get(nameSource) : null;
		if (name != null && name.isString()) {
			spec.header(NAME_HEADER, headerValue(name.asString()));
		}
	}

	private static String headerValue(String value) {
		boolean plain = value.chars().allMatch((c) -> c >= 0x20 && c < 0x7f) && !value.startsWith("=?");
		return plain ? value
				: "=?base64?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
	}

	private static void headers(WebTestClient.RequestHeadersSpec<?> spec, McpTestSession session) {
		String sessionId = session.getSessionId();
		if (sessionId != null) {
			spec.header(SESSION_ID_HEADER, sessionId);
		}
		String version = session.getProtocolVersionHeader();
		if (version != null) {
			spec.header(PROTOCOL_VERSION_HEADER, version);
		}
	}

}
