package dev.mcpspring.transport.support;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcException;
import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.server.McpRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link StandardHeaderValidator} (issue 14.3): whatever the body and the headers
 * a stateless request mirrors from it, the validator answers without throwing; a request
 * it lets through has an {@code Mcp-Method}, {@code Mcp-Name},
 * {@code MCP-Protocol-Version} and {@code Mcp-Param-*} header for every value of the body
 * they mirror, each equal to that value; a refusal is one short sentence naming a header,
 * never a value sent. A value in the {@code =?base64?…?=} sentinel decodes to what was
 * encoded. Runs the committed seed corpus
 * ({@code StandardHeaderValidatorFuzzTestsInputs}) in the normal build;
 * {@code JAZZER_FUZZ=1} fuzzes for real (see docs/reliability.md).
 * <p>
 * An input is UTF-8 text: a JSON-RPC request on the first line, then one
 * {@code Name: value} header per line.
 *
 * @author MCP Spring Boot team
 */
class StandardHeaderValidatorFuzzTests {

	private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();

	private static final JsonRpcCodec CODEC = new JsonRpcCodec(JSON_MAPPER);

	private static final ObjectNode INPUT_SCHEMA = (ObjectNode) JSON_MAPPER.readTree("""
			{"type":"object","properties":{
			  "region":{"type":"string","x-mcp-header":"Region"},
			  "count":{"type":"integer","x-mcp-header":"Count"},
			  "urgent":{"type":"boolean","x-mcp-header":"Urgent"},
			  "text":{"type":"string"},
			  "place":{"type":"object","properties":{"zone":{"type":"string","x-mcp-header":"Zone"}}}}}""");

	private static final Map<String, String> NAME_SOURCES = Map.of("tools/call", "name", "prompts/get", "name",
			"resources/read", "uri", "tasks/get", "taskId", "tasks/update", "taskId", "tasks/cancel", "taskId");

	private static final Pattern REFUSAL = Pattern.compile(
			"(Missing [A-Za-z-]+ header|[A-Za-z-]+ header (does not match the body|does not match _meta|is not valid))");

	@FuzzTest(maxDuration = "30s")
	void mirroredHeadersMatchTheBodyOrAreRefused(byte[] input) {
		String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
		JsonRpcRequest request = request(lines[0]);
		if (request == null) {
			return;
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
		}
		String problem = StandardHeaderValidator.validate((name) -> headers.get(name.toLowerCase(Locale.ROOT)), request,
				INPUT_SCHEMA);
		if (problem != null) {
			assertThat(problem).matches(REFUSAL);
			return;
		}
		JsonNode params = (request.params() != null) ? request.params() : JSON_MAPPER.missingNode();
		assertThat(headers.get("mcp-method")).isEqualTo(request.method());
		JsonNode version = params.path("_meta").path(McpRequest.PROTOCOL_VERSION_META);
		if (version.isString()) {
			assertThat(headers.get("mcp-protocol-version")).isEqualTo(version.asString());
		}
		String nameSource = NAME_SOURCES.get(request.method());
		if (nameSource != null) {
			assertMirrored(headers.get("mcp-name"), params.path(nameSource));
		}
		JsonNode arguments = params.path("arguments");
		assertMirrored(headers.get("mcp-param-region"), arguments.path("region"));
		assertMirrored(headers.get("mcp-param-count"), arguments.path("count"));
		assertMirrored(headers.get("mcp-param-urgent"), arguments.path("urgent"));
		if (arguments.path("place").isObject()) {
			assertMirrored(headers.get("mcp-param-zone"), arguments.path("place").path("zone"));
		}
	}

	@FuzzTest(maxDuration = "30s")
	void base64SentinelDecodesToWhatWasEncoded(byte[] input) {
		String text = new String(input, StandardCharsets.UTF_8);
		String encoded = "=?base64?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
		assertThat(StandardHeaderValidator.decode(encoded)).isEqualTo(text);
		String decoded = StandardHeaderValidator.decode(text);
		if (!text.startsWith("=?base64?") || !text.endsWith("?=")) {
			assertThat(decoded).isEqualTo(text);
		}
	}

	private static void assertMirrored(@Nullable String header, JsonNode body) {
		if (body.isMissingNode() || body.isNull()) {
			return;
		}
		assertThat(header).as("header mirroring %s", body).isNotNull();
		String value = StandardHeaderValidator.decode(header);
		assertThat(value).isNotNull();
		if (body.isIntegralNumber()) {
			assertThat(new BigDecimal(value)).isEqualByComparingTo(body.decimalValue());
		}
		else if (body.isBoolean()) {
			assertThat(value).isEqualTo(String.valueOf(body.asBoolean()));
		}
		else {
			assertThat(body.isString()).as("only strings, integers and booleans are mirrored: %s", body).isTrue();
			assertThat(value).isEqualTo(body.asString());
		}
	}

	private static @Nullable JsonRpcRequest request(String line) {
		try {
			JsonRpcMessage message = CODEC.decode(line.getBytes(StandardCharsets.UTF_8));
			return (message instanceof JsonRpcRequest request) ? request : null;
		}
		catch (JsonRpcException ex) {
			return null;
		}
	}

}
