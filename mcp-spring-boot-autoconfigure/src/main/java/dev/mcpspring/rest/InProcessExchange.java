package dev.mcpspring.rest;

import java.net.URI;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.mcpspring.server.ToolCallException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.util.ClassUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends a request to one of the application's own endpoints through its
 * {@link HttpHandler}, in-process, as the MCP caller: the caller's {@code Authentication}
 * becomes the request's, so that web filters and security apply as for an HTTP caller and
 * no token is passed anywhere.
 *
 * @author MCP Spring Boot team
 */
final class InProcessExchange {

	/**
	 * Largest answer kept, in bytes.
	 */
	static final int MAX_BODY_SIZE = 1024 * 1024;

	private static final boolean springSecurityPresent = ClassUtils.isPresent(
			"org.springframework.security.core.context.ReactiveSecurityContextHolder",
			InProcessExchange.class.getClassLoader());

	private final Supplier<HttpHandler> httpHandler;

	private final JsonMapper jsonMapper;

	InProcessExchange(Supplier<HttpHandler> httpHandler, JsonMapper jsonMapper) {
		this.httpHandler = httpHandler;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Send a request to an endpoint.
	 * @param endpoint the endpoint
	 * @param arguments its path variables, query parameters and body by name
	 * @param principal the MCP caller, or {@code null}
	 * @return the answer, once complete
	 */
	Mono<InProcessServerHttpResponse> exchange(RestEndpoint endpoint, ObjectNode arguments,
			@Nullable Principal principal) {
		return Mono.defer(() -> send(endpoint, arguments))
			.contextWrite((context) -> (springSecurityPresent && principal != null)
					? SecurityContextPropagation.withPrincipal(context, principal) : context);
	}

	private Mono<InProcessServerHttpResponse> send(RestEndpoint endpoint, ObjectNode arguments) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.ALL));
		byte[] body = new byte[0];
		JsonNode bodyValue = arguments.get(RestEndpoint.BODY_ARGUMENT);
		if (endpoint.hasBody() && bodyValue != null && !bodyValue.isNull()) {
			body = this.jsonMapper.writeValueAsBytes(bodyValue);
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		else if (endpoint.bodyRequired()) {
			return Mono.error(new ToolCallException("Missing required argument '" + RestEndpoint.BODY_ARGUMENT + "'"));
		}
		InProcessServerHttpRequest request = new InProcessServerHttpRequest(endpoint.method(), uri(endpoint, arguments),
				headers, body);
		InProcessServerHttpResponse response = new InProcessServerHttpResponse(MAX_BODY_SIZE);
		return this.httpHandler.get().handle(request, response).then(Mono.just(response));
	}

	private static URI uri(RestEndpoint endpoint, ObjectNode arguments) {
		Map<String, Object> variables = new HashMap<>();
		for (String name : endpoint.pathVariables()) {
			JsonNode value = arguments.get(name);
			if (value == null || value.isNull()) {
				throw new ToolCallException("Missing required argument '" + name + "'");
			}
			variables.put(name, text(value));
		}
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(endpoint.path());
		int index = 0;
		for (String name : endpoint.queryParameters()) {
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
