package dev.mcpspring.rest;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * How one tool call maps onto a request to one of the application's own endpoints.
 *
 * @param method the HTTP method
 * @param path the path template, for example {@code /api/books/{isbn}}
 * @param pathVariables the arguments that fill the path variables of the same name
 * @param queryParameters the arguments sent as query parameters of the same name
 * @param bodyRequired whether the {@code body} argument must be given, when the endpoint
 * takes a request body
 * @param hasBody whether the endpoint takes a request body
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
record RestEndpoint(HttpMethod method, String path, List<String> pathVariables, List<String> queryParameters,
		boolean hasBody, boolean bodyRequired) {

	/**
	 * Name of the argument that holds the JSON request body.
	 */
	static final String BODY_ARGUMENT = "body";

	@Nullable String bodyArgument() {
		return this.hasBody ? BODY_ARGUMENT : null;
	}

	@Override
	public String toString() {
		return this.method.name() + " " + this.path;
	}

}
