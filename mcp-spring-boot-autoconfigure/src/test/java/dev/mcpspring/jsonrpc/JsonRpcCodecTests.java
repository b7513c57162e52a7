package dev.mcpspring.jsonrpc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.mcpspring.model.CallToolResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link JsonRpcCodec}.
 *
 * @author MCP Spring Boot team
 */
class JsonRpcCodecTests {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final JsonRpcCodec codec = new JsonRpcCodec(JsonMapper.builder().build());

	private JsonRpcMessage decode(String json) {
		return this.codec.decode(json.getBytes(StandardCharsets.UTF_8));
	}

	private JsonRpcException decodeFailure(String json) {
		JsonRpcException ex = catchThrowableOfType(JsonRpcException.class, () -> decode(json));
		assertThat(ex).as("decoding %s", json).isNotNull();
		return ex;
	}

	private void assertDecodeError(String json, int code, String message, JsonNode id) {
		JsonRpcException ex = decodeFailure(json);
		assertThat(ex.getError()).isEqualTo(JsonRpcError.of(code, message));
		assertThat(ex.getId()).isEqualTo(id);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "{\"jsonrpc\":\"2.0\",", "not json", "{\"jsonrpc\":'2.0'}", "[1,]" })
	void malformedJsonIsParseError(String json) {
		assertDecodeError(json, -32700, "Parse error", null);
	}

	// issue 20: overlong forms decoded as ASCII turned C0 AE C0 AE C0 AF into "../"
	@ParameterizedTest
	@ValueSource(strings = { "C0AF", "C0AEC0AEC0AF", "E080AF", "F08080AF", "C1BF", "ED A080", "EDBFBF", "F4908080",
			"F5808080", "FF", "FE", "80", "BF", "C3", "E282", "F09F98", "C328", "E228A1", "F0288CBC", "00" })
	void invalidOrOverlongUtf8IsParseError(String hex) {
		byte[] json = utf8WithRawBytes(
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{\"uri\":\"file:///a/", hex,
				"etc\"}}");
		for (JsonRpcException ex : List.of(decodeFailure(json), decodeStreamFailure(json))) {
			assertThat(ex.getError()).as(hex).isEqualTo(JsonRpcError.of(-32700, "Parse error"));
		}
	}

	@Test
	void utf16AndUtf32AreParseErrors() {
		String json = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
		for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE,
				StandardCharsets.UTF_16BE, java.nio.charset.Charset.forName("UTF-32"))) {
			byte[] bytes = json.getBytes(charset);
			assertThat(decodeFailure(bytes).getError().code()).as(charset.name()).isEqualTo(-32700);
			assertThat(decodeStreamFailure(bytes).getError().code()).as(charset.name()).isEqualTo(-32700);
		}
	}

	@Test
	void wellFormedMultiByteUtf8IsDecoded() {
		String text = "caf\u00e9 \u20ac \ud83d\ude00 \uffff \u0800 \u0080 \ud800\udc00 \udbff\udfff";
		byte[] json = ("{\"jsonrpc\":\"2.0\",\"id\":\"" + text + "\",\"method\":\"ping\"}")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(((JsonRpcRequest) this.codec.decode(json)).id().asString()).isEqualTo(text);
		assertThat(((JsonRpcRequest) this.codec.decode(new ByteArrayInputStream(json))).id().asString())
			.isEqualTo(text);
	}

	private static byte[] utf8WithRawBytes(String before, String hex, String after) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
		bytes.writeBytes(java.util.HexFormat.of().parseHex(hex.replace(" ", "")));
		bytes.writeBytes(after.getBytes(StandardCharsets.UTF_8));
		return bytes.toByteArray();
	}

	private JsonRpcException decodeFailure(byte[] json) {
		JsonRpcException ex = catchThrowableOfType(JsonRpcException.class, () -> this.codec.decode(json));
		assertThat(ex).isNotNull();
		return ex;
	}

	private JsonRpcException decodeStreamFailure(byte[] json) {
		JsonRpcException ex = catchThrowableOfType(JsonRpcException.class,
				() -> this.codec.decode(new ByteArrayInputStream(json)));
		assertThat(ex).isNotNull();
		return ex;
	}

	// issue 20: ids are bounded, so that they fit the maps that track requests
	@ParameterizedTest
	@ValueSource(strings = { "9223372036854775808", "-9223372036854775809", "1e3", "123456789012345678901234567890" })
	void integerIdsBeyondALongAreRejected(String id) {
		assertDecodeError("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}", -32600,
				"Invalid id: must be a string or an integer", null);
	}

	@Test
	void longStringIdsAreRejected() {
		String longest = "x".repeat(JsonRpcCodec.MAX_ID_LENGTH);
		assertThat(
				((JsonRpcRequest) decode("{\"jsonrpc\":\"2.0\",\"id\":\"" + longest + "\",\"method\":\"ping\"}")).id()
					.asString())
			.isEqualTo(longest);
		assertDecodeError("{\"jsonrpc\":\"2.0\",\"id\":\"" + longest + "x\",\"method\":\"ping\"}", -32600,
				"Invalid id: a string id must not be longer than 256 characters", null);
		assertDecodeError("{\"jsonrpc\":\"2.0\",\"id\":\"" + "x".repeat(10_000) + "\",\"method\":\"ping\"}", -32600,
				"Invalid id: a string id must not be longer than 256 characters", null);
	}

	@Test
	void duplicateKeysAreParseError() {
		assertDecodeError("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"method\":\"tools/call\"}", -32700,
				"Parse error", null);
	}

	@Test
	void nestedDuplicateKeysAreParseError() {
		assertDecodeError(
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"a\",\"name\":\"b\"}}",
				-32700, "Parse error", null);
	}

	@Test
	void duplicateKeysDeepInsideArraysAreParseError() {
		assertDecodeError("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"arguments\":"
				+ "{\"items\":[{\"a\":1},{\"b\":1,\"b\":2}]}}}", -32700, "Parse error", null);
	}

	@Test
	void decodeFromStreamAppliesTheSameRules() {
		String request = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
		assertThat(this.codec.decode(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8))))
			.isEqualTo(new JsonRpcRequest(nodes.numberNode(1), "ping", null));
		for (String bad : List.of("{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"ping\"}", request + " {}",
				"{")) {
			assertThatExceptionOfType(JsonRpcException.class)
				.isThrownBy(() -> this.codec.decode(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))))
				.satisfies((ex) -> assertThat(ex.getError().code()).isEqualTo(-32700));
		}
		assertThatExceptionOfType(JsonRpcException.class)
			.isThrownBy(() -> this.codec.decode(InputStream.nullInputStream()))
			.satisfies((ex) -> assertThat(ex.getError()).isEqualTo(JsonRpcError.of(-32600, "Empty message")));
	}

	@Test
	void trailingContentIsParseError() {
		assertDecodeError("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} {}", -32700, "Parse error", null);
		assertDecodeError("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}x", -32700, "Parse error", null);
	}

	@Test
	void parseErrorCodeConstant() {
		assertThat(JsonRpcErrorCodes.PARSE_ERROR).isEqualTo(-32700);
		assertThat(JsonRpcErrorCodes.INVALID_REQUEST).isEqualTo(-32600);
		assertThat(JsonRpcErrorCodes.METHOD_NOT_FOUND).isEqualTo(-32601);
		assertThat(JsonRpcErrorCodes.INVALID_PARAMS).isEqualTo(-32602);
		assertThat(JsonRpcErrorCodes.INTERNAL_ERROR).isEqualTo(-32603);
	}

	@Test
	void batchIsRejected() {
		assertDecodeError("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", -32600,
				"Batch messages are not supported", null);
		assertDecodeError("[]", -32600, "Batch messages are not supported", null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "\"text\"", "true", "null" })
	void nonObjectIsRejected(String json) {
		assertDecodeError(json, -32600, "A message must be a JSON object", null);
	}

	@Test
	void emptyContentIsRejected() {
		JsonRpcException ex = decodeFailure("");
		assertThat(ex.getError().code()).isEqualTo(-32600);
		assertThat(ex.getId()).isNull();
	}

	@Test
	void nullTreeIsRejected() {
		assertThatExceptionOfType(JsonRpcException.class).isThrownBy(() -> this.codec.decode((JsonNode) null))
			.satisfies((ex) -> assertThat(ex.getError()).isEqualTo(JsonRpcError.of(-32600, "Empty message")));
	}

	@Test
	void missingJsonrpcIsRejectedWithId() {
		assertDecodeError("{\"id\":7,\"method\":\"ping\"}", -32600,
				"Invalid or missing jsonrpc version, expected \"2.0\"", nodes.numberNode(7));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"1.0\"", "2.0", "\"2\"", "null", "{}" })
	void wrongJsonrpcIsRejectedWithId(String version) {
		assertDecodeError("{\"jsonrpc\":" + version + ",\"id\":\"a\",\"method\":\"ping\"}", -32600,
				"Invalid or missing jsonrpc version, expected \"2.0\"", nodes.stringNode("a"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "null", "1.5", "1.0", "{}", "[]", "true", "false" })
	void invalidIdTypesAreRejected(String id) {
		assertDecodeError("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}", -32600,
				"Invalid id: must be a string or an integer", null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "\"\"", "{}", "null", "[]", "true" })
	void methodMustBeNonEmptyString(String method) {
		assertDecodeError("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":" + method + "}", -32600,
				"Invalid method: must be a non-empty string", nodes.numberNode(3));
	}

	@Test
	void notificationWithInvalidMethodIsRejectedWithoutId() {
		assertDecodeError("{\"jsonrpc\":\"2.0\",\"method\":\"\"}", -32600, "Invalid method: must be a non-empty string",
				null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "[1,2]", "\"text\"", "1", "true" })
	void paramsMustBeObject(String params) {
		assertDecodeError("{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"tools/call\",\"params\":" + params + "}",
				-32602, "params must be an object", nodes.stringNode("p"));
	}

	@Test
	void paramsMustNotBeNull() {
		assertDecodeError("{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"tools/call\",\"params\":null}", -32602,
				"params must be an object", nodes.stringNode("p"));
	}

	@Test
	void notificationParamsMustBeObject() {
		assertDecodeError("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\",\"params\":[]}", -32602,
				"params must be an object", null);
	}

	@Test
	void messageWithoutMethodResultOrErrorIsRejected() {
		assertDecodeError("{\"jsonrpc\":\"2.0\",\"id\":1}", -32600,
				"Invalid message: expected method, or id with result or error", nodes.numberNode(1));
		assertDecodeError("{\"jsonrpc\":\"2.0\"}", -32600,
				"Invalid message: expected method, or id with result or error", null);
	}

	@Test
	void responseWithResultAndErrorIsRejected() {
		assertDecodeError("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{},\"error\":{\"code\":1,\"message\":\"m\"}}",
				-32600, "Invalid message: expected method, or id with result or error", nodes.numberNode(1));
	}

	@Test
	void resultWithoutIdIsRejected() {
		assertDecodeError("{\"jsonrpc\":\"2.0\",\"result\":{}}", -32600,
				"Invalid message: expected method, or id with result or error", null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"boom\"", "[]", "{\"message\":\"m\"}", "{\"code\":\"1\",\"message\":\"m\"}",
			"{\"code\":1.5,\"message\":\"m\"}" })
	void invalidErrorObjectIsRejected(String error) {
		assertDecodeError("{\"jsonrpc\":\"2.0\",\"id\":9,\"error\":" + error + "}", -32600, "Invalid error object",
				nodes.numberNode(9));
	}

	@Test
	void requestWithStringId() {
		JsonRpcMessage message = decode(
				"{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\"}}");
		ObjectNode params = nodes.objectNode().put("name", "echo");
		assertThat(message).isEqualTo(new JsonRpcRequest(nodes.stringNode("abc"), "tools/call", params));
	}

	@Test
	void requestWithIntegerId() {
		JsonRpcMessage message = decode("{\"id\":42,\"method\":\"ping\",\"jsonrpc\":\"2.0\"}");
		assertThat(message).isEqualTo(new JsonRpcRequest(nodes.numberNode(42), "ping", null));
	}

	@Test
	void requestWithNegativeAndLargeIntegerId() {
		assertThat(((JsonRpcRequest) decode("{\"jsonrpc\":\"2.0\",\"id\":-1,\"method\":\"ping\"}")).id().asLong())
			.isEqualTo(-1L);
		assertThat(((JsonRpcRequest) decode("{\"jsonrpc\":\"2.0\",\"id\":9007199254740993,\"method\":\"ping\"}")).id()
			.asLong()).isEqualTo(9007199254740993L);
		assertThat(
				((JsonRpcRequest) decode("{\"jsonrpc\":\"2.0\",\"id\":9223372036854775807,\"method\":\"ping\"}")).id()
					.asLong())
			.isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void requestWithEmptyStringId() {
		JsonRpcMessage message = decode("{\"jsonrpc\":\"2.0\",\"id\":\"\",\"method\":\"ping\"}");
		assertThat(message).isEqualTo(new JsonRpcRequest(nodes.stringNode(""), "ping", null));
	}

	@Test
	void decodeNotification() {
		JsonRpcMessage message = decode("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
		assertThat(message).isEqualTo(new JsonRpcNotification("notifications/initialized", null));
	}

	@Test
	void decodeNotificationWithParams() {
		JsonRpcMessage message = decode(
				"{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":3}}");
		assertThat(message)
			.isEqualTo(new JsonRpcNotification("notifications/cancelled", nodes.objectNode().put("requestId", 3)));
	}

	@Test
	void resultResponse() {
		JsonRpcMessage message = decode("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{\"roots\":[]}}");
		assertThat(message).isInstanceOf(JsonRpcResponse.class);
		JsonRpcResponse response = (JsonRpcResponse) message;
		assertThat(response.id()).isEqualTo(nodes.numberNode(5));
		assertThat(response.result()).isEqualTo(nodes.objectNode().set("roots", nodes.arrayNode()));
		assertThat(response.error()).isNull();
		assertThat(response.isError()).isFalse();
	}

	@Test
	void decodeErrorResponse() {
		JsonRpcMessage message = decode(
				"{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"error\":{\"code\":-32601,\"message\":\"Method not found\",\"data\":{\"m\":1}}}");
		assertThat(message).isEqualTo(new JsonRpcResponse(nodes.stringNode("x"), null,
				new JsonRpcError(-32601, "Method not found", nodes.objectNode().put("m", 1))));
		assertThat(((JsonRpcResponse) message).isError()).isTrue();
	}

	@Test
	void errorResponseWithoutId() {
		JsonRpcMessage message = decode(
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}");
		assertThat(message).isEqualTo(new JsonRpcResponse(null, null, JsonRpcError.of(-32700, "Parse error")));
	}

	@Test
	void decodesTree() {
		ObjectNode tree = nodes.objectNode().put("jsonrpc", "2.0").put("id", 1).put("method", "ping");
		assertThat(this.codec.decode(tree)).isEqualTo(new JsonRpcRequest(nodes.numberNode(1), "ping", null));
	}

	@Test
	void decodesUtf8() {
		JsonRpcMessage message = decode(
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"text\":\"h\u00e9llo \u2603\"}}");
		assertThat(((JsonRpcRequest) message).params().get("text").asString()).isEqualTo("h\u00e9llo \u2603");
	}

	@Test
	void encodeSuccessResponse() {
		JsonRpcResponse response = JsonRpcResponse.success(nodes.numberNode(1), Map.of("a", "b"));
		assertThat(this.codec.encodeToString(response))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"a\":\"b\"}}");
	}

	@Test
	void encodeSuccessResponseWithStringIdAndEmptyResult() {
		JsonRpcResponse response = JsonRpcResponse.success(nodes.stringNode("r-1"), Map.of());
		assertThat(this.codec.encodeToString(response)).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":\"r-1\",\"result\":{}}");
	}

	@Test
	void encodeResultRecordOmitsNulls() {
		JsonRpcResponse response = JsonRpcResponse.success(nodes.numberNode(2), CallToolResult.error("boom"));
		assertThat(this.codec.encodeToString(response)).isEqualTo(
				"{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"boom\"}],\"isError\":true}}");
	}

	@Test
	void encodeErrorResponse() {
		JsonRpcResponse response = JsonRpcResponse.failure(nodes.numberNode(7),
				JsonRpcError.of(-32601, "Method not found"));
		assertThat(this.codec.encodeToString(response))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}");
	}

	@Test
	void encodeErrorResponseWithData() {
		JsonRpcResponse response = JsonRpcResponse.failure(nodes.stringNode("z"),
				new JsonRpcError(-32602, "Invalid params", List.of("a")));
		assertThat(this.codec.encodeToString(response)).isEqualTo(
				"{\"jsonrpc\":\"2.0\",\"id\":\"z\",\"error\":{\"code\":-32602,\"message\":\"Invalid params\",\"data\":[\"a\"]}}");
	}

	@Test
	void encodeErrorResponseWithoutIdOmitsId() {
		JsonRpcResponse response = JsonRpcResponse.failure(null, JsonRpcError.of(-32700, "Parse error"));
		assertThat(this.codec.encodeToString(response))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}");
	}

	@Test
	void encodeRequest() {
		JsonRpcRequest request = new JsonRpcRequest(nodes.numberNode(3), "roots/list", nodes.objectNode().put("x", 1));
		assertThat(this.codec.encodeToString(request))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"roots/list\",\"params\":{\"x\":1}}");
	}

	@Test
	void encodeRequestWithoutParams() {
		JsonRpcRequest request = new JsonRpcRequest(nodes.stringNode("s"), "ping", null);
		assertThat(this.codec.encodeToString(request))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":\"s\",\"method\":\"ping\"}");
	}

	@Test
	void encodeNotification() {
		JsonRpcNotification notification = new JsonRpcNotification("notifications/tools/list_changed", null);
		assertThat(this.codec.encodeToString(notification))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}");
	}

	@Test
	void encodeNotificationWithParams() {
		JsonRpcNotification notification = new JsonRpcNotification("notifications/progress",
				nodes.objectNode().put("progress", 1));
		assertThat(this.codec.encodeToString(notification))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progress\":1}}");
	}

	@Test
	void encodeMatchesEncodeToString() {
		JsonRpcResponse response = JsonRpcResponse.success(nodes.numberNode(1), Map.of("k", "\u2603"));
		assertThat(new String(this.codec.encode(response), StandardCharsets.UTF_8))
			.isEqualTo(this.codec.encodeToString(response))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"k\":\"\u2603\"}}");
	}

	@Test
	void encodeToStreamLeavesItOpenForMore() {
		JsonRpcResponse response = JsonRpcResponse.success(nodes.numberNode(1), Map.of("k", "v"));
		ByteArrayOutputStream output = new ByteArrayOutputStream() {

			@Override
			public void close() {
				throw new AssertionError("closed");
			}

		};
		this.codec.encode(response, output);
		this.codec.encode(response, output);
		assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo(this.codec.encodeToString(response).repeat(2));
	}

	@Test
	void encodingIsCompactWhenTheApplicationMapperIndents() {
		JsonRpcCodec indenting = new JsonRpcCodec(
				JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build());
		JsonRpcResponse response = JsonRpcResponse.success(nodes.numberNode(1), Map.of("k", List.of("a\nb")));
		assertThat(indenting.encodeToString(response))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"k\":[\"a\\nb\"]}}");
	}

	@Test
	void roundTrip() {
		String json = "{\"jsonrpc\":\"2.0\",\"id\":\"q\",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}";
		assertThat(this.codec.encodeToString(decode(json))).isEqualTo(json);
	}

}
