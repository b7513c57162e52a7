package dev.mcpspring.openapi;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One OpenAPI document whose operations become tools, and how to call its API.
 *
 * @param name the name of the source, used in messages
 * @param location where the document is: a file path, a {@code file:}, {@code http(s):}
 * or {@code classpath:} location
 * @param baseUrl the URL the operation paths are appended to, or {@code null} for the
 * document's first absolute server URL
 * @param prefix prepended to every tool name, may be empty
 * @param headers headers sent with every call, credentials included; never the MCP
 * caller's own token
 * @param filter which operations become tools
 * @param timeout how long a call may take, connection included
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record OpenApiSource(String name, String location, @Nullable String baseUrl, String prefix,
		Map<String, String> headers, OperationFilter filter, Duration timeout) {

	public OpenApiSource {
		Assert.hasText(name, "name is required");
		Assert.hasText(location, () -> "location of OpenAPI source '" + name + "' is required");
		Assert.notNull(prefix, "prefix is required");
		Assert.notNull(filter, "filter is required");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(),
				() -> "timeout of OpenAPI source '" + name + "' must be positive");
		headers = Map.copyOf(headers);
	}

}
