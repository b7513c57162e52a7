package dev.mcpspring.autoconfigure.openapi;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mcpspring.autoconfigure.diagnostics.InvalidMcpPropertyException;
import dev.mcpspring.openapi.OpenApiSource;
import dev.mcpspring.openapi.OperationFilter;

import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;

/**
 * Maps {@code mcp.server.openapi.sources.*} to {@link OpenApiSource}s, turning the
 * configured credentials into headers.
 *
 * @author MCP Spring Boot team
 */
final class OpenApiSources {

	private static final String PREFIX = "mcp.server.openapi.sources.";

	private OpenApiSources() {
	}

	static List<OpenApiSource> from(McpOpenApiProperties properties) {
		return properties.getSources()
			.entrySet()
			.stream()
			.map((entry) -> from(entry.getKey(), entry.getValue()))
			.toList();
	}

	private static OpenApiSource from(String name, McpOpenApiProperties.Source source) {
		if (!StringUtils.hasText(source.getLocation())) {
			throw new InvalidMcpPropertyException(PREFIX + name + ".location", null, "is required",
					"Set it to the file, URL or classpath: location of the OpenAPI document.");
		}
		if (source.getTimeout().isNegative() || source.getTimeout().isZero()) {
			throw new InvalidMcpPropertyException(PREFIX + name + ".timeout", source.getTimeout(), "must be positive",
					"Set it to how long a call to the API may take, for example 30s.");
		}
		return new OpenApiSource(name, source.getLocation(), source.getBaseUrl(), source.getPrefix(),
				headers(name, source), filter(source), source.getTimeout());
	}

	private static Map<String, String> headers(String name, McpOpenApiProperties.Source source) {
		Map<String, String> headers = new LinkedHashMap<>(source.getHeaders());
		McpOpenApiProperties.Basic basic = source.getBasic();
		if (StringUtils.hasText(source.getBearerToken()) && StringUtils.hasText(basic.getUsername())) {
			throw new InvalidMcpPropertyException(PREFIX + name + ".bearer-token", null,
					"cannot be combined with basic credentials", "Set either bearer-token or basic.username.");
		}
		if (StringUtils.hasText(source.getBearerToken())) {
			headers.put(HttpHeaders.AUTHORIZATION, "Bearer " + source.getBearerToken());
		}
		if (StringUtils.hasText(basic.getUsername())) {
			String password = (basic.getPassword() != null) ? basic.getPassword() : "";
			String credentials = basic.getUsername() + ":" + password;
			headers.put(HttpHeaders.AUTHORIZATION,
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return headers;
	}

	private static OperationFilter filter(McpOpenApiProperties.Source source) {
		McpOpenApiProperties.Operations include = source.getInclude();
		McpOpenApiProperties.Operations exclude = source.getExclude();
		return new OperationFilter(List.copyOf(include.getMethods()), List.copyOf(include.getPaths()),
				List.copyOf(include.getTags()), List.copyOf(exclude.getMethods()), List.copyOf(exclude.getPaths()),
				List.copyOf(exclude.getTags()));
	}

}
