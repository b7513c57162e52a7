package dev.mcpspring.openapi;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.Content;
import dev.mcpspring.model.Tool;
import dev.mcpspring.server.ToolCall;
import dev.mcpspring.server.ToolCallException;
import dev.mcpspring.server.ToolHandler;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A tool that calls one operation of a remote API described by an OpenAPI document. The
 * arguments become the path, query and header parameters and the JSON body; a 2xx answer
 * becomes the result (structured when the operation declares a JSON object), any other
 * status, a network failure or a timeout becomes a tool error the model can read.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class OpenApiToolHandler implements ToolHandler {

	/**
	 * Longest part of an error answer's body quoted in the tool error.
	 */
	static final int MAX_ERROR_EXCERPT = 500;

	private final Tool tool;

	private final HttpOperation operation;

	private final OpenApiSource source;

	private final String baseUrl;

	private final WebClient webClient;

	private final JsonMapper jsonMapper;

	OpenApiToolHandler(Tool tool, HttpOperation operation, OpenApiSource source, String baseUrl, WebClient webClient,
			JsonMapper jsonMapper) {
		this.tool = tool;
		this.operation = operation;
		this.source = source;
		this.baseUrl = baseUrl;
		this.webClient = webClient;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public Tool getTool() {
		return this.tool;
	}

	@Override
	public Mono<CallToolResult> call(ToolCall call) {
		return Mono.defer(() -> exchange(call.arguments()))
			.timeout(this.source.timeout())
			.onErrorMap(TimeoutException.class,
					(ex) -> new ToolCallException(
							describe() + " did not answer within " + seconds(this.source.timeout()), ex))
			.onErrorMap(WebClientRequestException.class,
					(ex) -> new ToolCallException(describe() + " failed: " + rootMessage(ex), ex))
			.onErrorMap(DataBufferLimitException.class, (ex) -> new ToolCallException(
					describe() + " answered more than the client buffers: " + ex.getMessage(), ex));
	}

	private Mono<CallToolResult> exchange(ObjectNode arguments) {
		WebClient.RequestBodySpec request = this.webClient.method(this.operation.method()).uri(uri(arguments));
		request.headers((headers) -> this.source.headers().forEach(headers::set));
		for (HttpOperation.Parameter parameter : this.operation.parameters()) {
			if (parameter.location() != HttpOperation.Location.HEADER) {
				continue;
			}
			JsonNode value = argument(arguments, parameter.argument(), parameter.required());
			if (value != null) {
				request.header(parameter.name(), text(value));
			}
		}
		String bodyArgument = this.operation.bodyArgument();
		JsonNode body = (bodyArgument != null) ? argument(arguments, bodyArgument, this.operation.bodyRequired())
				: null;
		WebClient.RequestHeadersSpec<?> ready = (body != null)
				? request.contentType(MediaType.APPLICATION_JSON).bodyValue(this.jsonMapper.writeValueAsString(body))
				: request;
		return ready.accept(MediaType.APPLICATION_JSON, MediaType.ALL).exchangeToMono(this::toResult);
	}

	private URI uri(ObjectNode arguments) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(this.baseUrl).path(this.operation.path());
		Map<String, Object> variables = new HashMap<>();
		int index = 0;
		for (HttpOperation.Parameter parameter : this.operation.parameters()) {
			JsonNode value = argument(arguments, parameter.argument(), parameter.required());
			if (value == null) {
				continue;
			}
			if (parameter.location() == HttpOperation.Location.PATH) {
				variables.put(parameter.name(), text(value));
			}
			else if (parameter.location() == HttpOperation.Location.QUERY) {
				for (JsonNode item : (value.isArray()) ? value : List.of(value)) {
					String variable = "query" + (index++);
					builder.queryParam(parameter.name(), "{" + variable + "}");
					variables.put(variable, text(item));
				}
			}
		}
		return builder.encode().buildAndExpand(variables).toUri();
	}

	private @Nullable JsonNode argument(ObjectNode arguments, String name, boolean required) {
		JsonNode value = arguments.get(name);
		if (value == null || value.isNull()) {
			if (required) {
				throw new ToolCallException("Missing required argument '" + name + "'");
			}
			return null;
		}
		return value;
	}

	private static String text(JsonNode value) {
		return value.isValueNode() ? value.asString() : value.toString();
	}

	private Mono<CallToolResult> toResult(ClientResponse response) {
		return response.bodyToMono(String.class).defaultIfEmpty("").map((body) -> {
			HttpStatusCode status = response.statusCode();
			if (!status.is2xxSuccessful()) {
				throw new ToolCallException(describe() + " answered HTTP " + status.value() + excerpt(body));
			}
			if (body.isEmpty()) {
				return CallToolResult.of(Content.text("HTTP " + status.value() + " with no content"));
			}
			JsonNode structured = (this.tool.outputSchema() != null) ? parseObject(body) : null;
			return (structured != null) ? CallToolResult.structured(structured, Content.text(body))
					: CallToolResult.of(Content.text(body));
		});
	}

	private @Nullable JsonNode parseObject(String body) {
		try {
			JsonNode node = this.jsonMapper.readTree(body);
			return node.isObject() ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String excerpt(String body) {
		if (body.isBlank()) {
			return "";
		}
		String text = body.strip();
		return ": " + ((text.length() > MAX_ERROR_EXCERPT) ? text.substring(0, MAX_ERROR_EXCERPT) + "…" : text);
	}

	private String describe() {
		return this.operation + " on OpenAPI source '" + this.source.name() + "'";
	}

	private static String seconds(Duration timeout) {
		return (timeout.toMillis() % 1000 == 0) ? timeout.toSeconds() + "s" : timeout.toMillis() + "ms";
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

	@Override
	public String toString() {
		return "OpenApiToolHandler '" + this.tool.name() + "' for " + this.operation;
	}

}
