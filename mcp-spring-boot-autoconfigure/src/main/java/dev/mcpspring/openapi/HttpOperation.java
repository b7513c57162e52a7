package dev.mcpspring.openapi;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * How one tool call maps onto an HTTP request of the remote API.
 *
 * @param method the HTTP method
 * @param path the path template relative to the base URL, for example
 * {@code /pet/{petId}}
 * @param parameters the path, query and header parameters
 * @param bodyArgument the argument holding the JSON request body, or {@code null} when
 * the operation takes none
 * @param bodyRequired whether the request body is required
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
record HttpOperation(HttpMethod method, String path, List<Parameter> parameters, @Nullable String bodyArgument,
		boolean bodyRequired) {

	/**
	 * Where a parameter goes in the request.
	 */
	enum Location {

		PATH, QUERY, HEADER

	}

	/**
	 * One parameter of the operation.
	 *
	 * @param name the parameter's name in the request
	 * @param location where it goes
	 * @param argument the name of the tool argument holding its value
	 * @param required whether it must be given
	 */
	record Parameter(String name, Location location, String argument, boolean required) {

	}

	@Override
	public String toString() {
		return this.method.name() + " " + this.path;
	}

}
