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

	/**
	 * Largest answer kept, in bytes.
	 */
	static final int MAX_BODY_SIZE = 1024 * 1024;

	private static final int MAX_ERROR_EXCERPT = 500;

	private static final boolean springSecurityPresent = ClassUtils.isPresent(
			"org.springframework.security.core.context.ReactiveSecurityContextHolder",
			RestEndpointToolHandler.class.getClassLoader());

	private final Tool tool;

	private final RestEndpoint endpoint;

	private final @Nullable OutputSchema outputSchema;

	private final Supplier<HttpHandler> httpHandler;

	private final JsonMapper jsonMapper;

	RestEndpointToolHandler(Tool tool, RestEndpoint endpoint, @Nullable OutputSchema outputSchema,
			Supplier<HttpHandler> httpHandler, JsonMapper jsonMapper) {
		this.tool = tool;
		this.endpoint = endpoint;
		this.outputSchema = outputSchema;
		this.httpHandler = httpHandler;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public Tool getTool() {
		return this.tool;
	}

	@Override
	public Mono<CallToolResult> call(ToolCall call) {
		Principal principal = call.request().principal();
		return Mono.defer(() -> exchange(call.arguments()))
			.contextWrite((context) -> (springSecurityPresent && principal != null)
					? SecurityContextPropagation.withPrincipal(context, principal) : context);
	}

	private Mono<CallToolResult> exchange(ObjectNode arguments) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.ALL));
		byte[] body = new byte[0];
		JsonNode bodyValue = arguments.get(RestEndpoint.BODY_ARGUMENT);
		if (this.endpoint.hasBody() && bodyValue != null && !bodyValue.isNull()) {
			body = this.jsonMapper.writeValueAsBytes(bodyValue);
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		else if (this.endpoint.bodyRequired()) {
			return Mono.error(new ToolCallException("Missing required argument '" + RestEndpoint.BODY_ARGUMENT + "'"));
		}
		InProcessServerHttpRequest request = new InProcessServerHttpRequest(this.endpoint.method(),
				uri(arguments), headers, body);
		InProcessServerHttpResponse response = new InProcessServerHttpResponse(MAX_BODY_SIZE);
		return this.httpHandler.get().handle(request, response).then(Mono.fromCallable(() -> toResult(response)));
	}

	private java.net.URI uri(ObjectNode arguments) {
		Map<String, Object> variables = new HashMap<>();
		for (String name : this.endpoint.pathVariables()) {
			JsonNode value = arguments.get(name);
			if (value == null || value.isNull()) {
				throw new ToolCallException("Missing required argument '" + name + "'");
			}
			variables.put(name, text(value));
		}
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(this.endpoint.path());
		int index = 0;
		for (String name : this.endpoint.queryParameters()) {
			JsonNode value = arguments.get(name);
			if (value == null || value.isNull()) {
				continue;
			}
			for (JsonNode item : (value.isArray()) ? value : List.of(value)) {
				String variable = "mcp_query_" + (index++);
				builder.queryParam(name, "{" + variable + "}");
				variables.put(variable, text(item));
			}
		}
		return builder.encode().buildAndExpand(variables).toUri();
	}

	private static String text(JsonNode value) {
		return value.isValueNode() ? value.asString() : value.toString();
	}

	private CallToolResult toResult(InProcessServerHttpResponse response) {
		HttpStatusCode status = (response.getStatusCode() != null) ? response.getStatusCode() : HttpStatusCode.valueOf(200);
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
	 * The field of a bean validation error, or the parameter of a method validation
	 * error (its first argument).
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

	/**
	 * Spring Security's Reactor context, in its own class so that Spring Security is
	 * loaded only when present.
	 */
	private static final class SecurityContextPropagation {

		static Context withPrincipal(Context context, Principal principal) {
			if (principal instanceof org.springframework.security.core.Authentication authentication) {
				return context.putAll(org.springframework.security.core.context.ReactiveSecurityContextHolder
					.withAuthentication(authentication)
					.readOnly());
			}
			return context;
		}

	}

}
