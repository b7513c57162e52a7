package dev.mcpspring.rest;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.Content;
import dev.mcpspring.model.Tool;
import dev.mcpspring.schema.OutputSchema;
import dev.mcpspring.server.ToolCall;
import dev.mcpspring.server.ToolCallException;
import dev.mcpspring.server.ToolHandler;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.util.ClassUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A tool that calls one of the application's own REST endpoints through its
 * {@link HttpHandler}, in-process: web filters, security and validation apply as for an
 * HTTP caller, and the MCP caller's {@code Authentication} is the request's, so no token
 * is passed anywhere. A 2xx answer is the result; any other status is a tool error with
 * the status and the error message of the answer.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class RestEndpointToolHandler implements ToolHandler {

	private static final int MAX_ERROR_EXCERPT = 500;

	private final Tool tool;

	private final RestEndpoint endpoint;

	private final @Nullable OutputSchema outputSchema;

	private final InProcessExchange exchange;

	private final JsonMapper jsonMapper;

	RestEndpointToolHandler(Tool tool, RestEndpoint endpoint, @Nullable OutputSchema outputSchema,
			InProcessExchange exchange, JsonMapper jsonMapper) {
		this.tool = tool;
		this.endpoint = endpoint;
		this.outputSchema = outputSchema;
		this.exchange = exchange;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public Tool getTool() {
		return this.tool;
	}

	@Override
	public Mono<CallToolResult> call(ToolCall call) {
		return this.exchange.exchange(this.endpoint, call.arguments(), call.request().principal()).map(this::toResult);
	}

	private CallToolResult toResult(InProcessServerHttpResponse response) {
		HttpStatusCode status = (response.getStatusCode() != null) ? response.getStatusCode()
				: HttpStatusCode.valueOf(200);
		String body = response.getBodyAsString();
		if (!status.is2xxSuccessful()) {
			throw new ToolCallException(this.endpoint + " answered HTTP " + status.value() + errorMessage(body));
		}
		if (body.isEmpty()) {
			return CallToolResult.of(Content.text("HTTP " + status.value() + " with no content"));
		}
		JsonNode structured = (this.outputSchema != null) ? structured(body, this.outputSchema) : null;
		return (structured != null) ? CallToolResult.structured(structured, Content.text(body))
				: CallToolResult.of(Content.text(body));
	}

	private @Nullable JsonNode structured(String body, OutputSchema outputSchema) {
		JsonNode node = parse(body);
		if (node == null) {
			return null;
		}
		if (outputSchema.wrapped()) {
			return JsonNodeFactory.instance.objectNode().set(OutputSchema.RESULT_PROPERTY, node);
		}
		return node.isObject() ? node : null;
	}

	private @Nullable JsonNode parse(String body) {
		try {
			return this.jsonMapper.readTree(body.getBytes(StandardCharsets.UTF_8));
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * The error message of an error answer: the field errors when the answer has them
	 * (Boot's error attributes with {@code include-binding-errors}), else the
	 * {@code detail} of a problem or the {@code message} of Boot's error attributes, else
	 * the start of the body. Exception messages naming Java methods are left out.
	 */
	private String errorMessage(String body) {
		JsonNode error = parse(body);
		if (error != null && error.isObject()) {
			List<String> parts = new ArrayList<>();
			String title = error.path("error").asString(error.path("title").asString(""));
			if (!title.isEmpty()) {
				parts.add(title);
			}
			List<String> fieldErrors = new ArrayList<>();
			for (JsonNode fieldError : error.path("errors")) {
				fieldErrors.add(fieldName(fieldError) + ": " + fieldError.path("defaultMessage").asString(""));
			}
			String detail = error.path("detail").asString(error.path("message").asString(""));
			if (fieldErrors.isEmpty() && !detail.isEmpty() && !detail.equals(title)) {
				parts.add(detail);
			}
			parts.addAll(fieldErrors);
			if (!parts.isEmpty()) {
				return ": " + String.join("; ", parts);
			}
		}
		String text = body.strip();
		if (text.isEmpty()) {
			return "";
		}
		return ": " + ((text.length() > MAX_ERROR_EXCERPT) ? text.substring(0, MAX_ERROR_EXCERPT) + "…" : text);
	}

	/**
	 * The field of a bean validation error, or the parameter of a method validation error
	 * (its first argument).
	 */
	private static String fieldName(JsonNode fieldError) {
		String field = fieldError.path("field").asString("");
		if (!field.isEmpty()) {
			return field;
		}
		String parameter = fieldError.path("arguments").path(0).path("defaultMessage").asString("");
		return (!parameter.isEmpty()) ? parameter : fieldError.path("objectName").asString("value");
	}

	@Override
	public String toString() {
		return "RestEndpointToolHandler '" + this.tool.name() + "' for " + this.endpoint;
	}

}
