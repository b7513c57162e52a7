package dev.mcpspring.transport.support;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;

import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.server.McpRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks that the headers a stateless request mirrors from its body
 * ({@code MCP-Protocol-Version}, {@code Mcp-Method}, {@code Mcp-Name} and the
 * {@code Mcp-Param-*} headers declared with {@code x-mcp-header}) match the body, so that
 * an intermediary routing on headers and the server reading the body agree.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#server-validation">Server
 * validation</a>
 */
public final class StandardHeaderValidator {

	/**
	 * The {@code Mcp-Method} header.
	 */
	public static final String MCP_METHOD = "Mcp-Method";

	/**
	 * The {@code Mcp-Name} header.
	 */
	public static final String MCP_NAME = "Mcp-Name";

	/**
	 * The prefix of headers mirroring tool arguments.
	 */
	public static final String MCP_PARAM_PREFIX = "Mcp-Param-";

	private static final String X_MCP_HEADER = "x-mcp-header";

	private static final Map<String, String> NAME_SOURCES = Map.of("tools/call", "name", "prompts/get", "name",
			"resources/read", "uri", "tasks/get", "taskId", "tasks/update", "taskId", "tasks/cancel", "taskId");

	private StandardHeaderValidator() {
	}

	/**
	 * Validate the headers of a request.
	 * @param headers reads a header by name, case-insensitively
	 * @param request the request body
	 * @param inputSchema the input schema of the tool called, or {@code null}
	 * @return what is wrong, or {@code null} if the headers match
	 */
	public static @Nullable String validate(Function<String, @Nullable String> headers, JsonRpcRequest request,
			@Nullable ObjectNode inputSchema) {
		JsonNode params = (request.params() != null) ? request.params() : null;
		JsonNode bodyVersion = (params != null) ? params.path("_meta").get(McpRequest.PROTOCOL_VERSION_META) : null;
		String headerVersion = headers.apply(McpHttpHeaders.MCP_PROTOCOL_VERSION);
		if (bodyVersion != null && bodyVersion.isString() && !bodyVersion.asString().equals(headerVersion)) {
			return McpHttpHeaders.MCP_PROTOCOL_VERSION + " header does not match _meta";
		}
		String method = headers.apply(MCP_METHOD);
		if (method == null || !method.trim().equals(request.method())) {
			return (method == null) ? "Missing " + MCP_METHOD + " header"
					: MCP_METHOD + " header does not match the body";
		}
		String nameSource = NAME_SOURCES.get(request.method());
		if (nameSource != null) {
			String problem = compare(MCP_NAME, headers.apply(MCP_NAME),
					(params != null) ? params.get(nameSource) : null);
			if (problem != null) {
				return problem;
			}
		}
		if (inputSchema != null && params != null) {
			return validateParams(headers, inputSchema, params.path("arguments"), "");
		}
		return null;
	}

	private static @Nullable String validateParams(Function<String, @Nullable String> headers, JsonNode schema,
			JsonNode arguments, String path) {
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			JsonNode value = arguments.get(property.getKey());
			String headerName = property.getValue().path(X_MCP_HEADER).asString(null);
			if (headerName != null) {
				String problem = compare(MCP_PARAM_PREFIX + headerName, headers.apply(MCP_PARAM_PREFIX + headerName),
						value);
				if (problem != null) {
					return problem;
				}
			}
			if (property.getValue().has("properties") && value != null && value.isObject()) {
				String problem = validateParams(headers, property.getValue(), value, path + property.getKey() + ".");
				if (problem != null) {
					return problem;
				}
			}
		}
		return null;
	}

	private static @Nullable String compare(String headerName, @Nullable String header, @Nullable JsonNode body) {
		boolean bodyPresent = body != null && !body.isNull();
		if (header == null) {
			return bodyPresent ? "Missing " + headerName + " header" : null;
		}
		String decoded = decode(header.trim());
		if (decoded == null) {
			return headerName + " header is not valid";
		}
		if (!bodyPresent || !matches(decoded, body)) {
			return headerName + " header does not match the body";
		}
		return null;
	}

	private static boolean matches(String header, JsonNode body) {
		if (body.isIntegralNumber()) {
			try {
				return new java.math.BigDecimal(header).compareTo(body.decimalValue()) == 0;
			}
			catch (NumberFormatException ex) {
				return false;
			}
		}
		if (body.isBoolean()) {
			return header.equals(body.asBoolean() ? "true" : "false");
		}
		return body.isString() && header.equals(body.asString());
	}

	/**
	 * Decode a header value, which may use the {@code =?base64?…?=} sentinel.
	 * @param value the raw value
	 * @return the decoded value, or {@code null} if malformed
	 */
	static @Nullable String decode(String value) {
		if (!value.startsWith("=?base64?") || !value.endsWith("?=") || value.length() < 11) {
			return value;
		}
		String encoded = value.substring(9, value.length() - 2);
		if (encoded.length() % 4 != 0) {
			return null;
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(encoded);
			return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (IllegalArgumentException | CharacterCodingException ex) {
			return null;
		}
	}

}
