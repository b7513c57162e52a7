package dev.mcpspring.jsonrpc;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * Strict JSON-RPC 2.0 decoding and encoding of single messages.
 * <p>
 * Decoding rejects duplicate keys and trailing content, so a message means exactly one
 * thing to every component that reads it, and it accepts only well-formed UTF-8, string
 * ids of at most {@value #MAX_ID_LENGTH} characters or integer ids that fit a
 * {@code long}, and object parameters, as MCP requires. Batches are refused. Encoding is
 * always compact, even when the application's mapper indents: a message on stdio or in an
 * SSE {@code data} line must not contain a line break.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class JsonRpcCodec {

	/**
	 * The longest string id accepted. Ids are kept while requests are in flight and sent
	 * back in every answer, so they are bounded like the rest of a message.
	 */
	public static final int MAX_ID_LENGTH = 256;

	private final JsonMapper jsonMapper;

	/**
	 * Create a codec based on the given mapper, which is rebuilt with strict reading.
	 * @param jsonMapper the application's mapper, used for results and parameters
	 */
	public JsonRpcCodec(JsonMapper jsonMapper) {
		Assert.notNull(jsonMapper, "JsonMapper is required");
		this.jsonMapper = jsonMapper.rebuild()
			.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(SerializationFeature.INDENT_OUTPUT)
			.disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
			.build();
	}

	/**
	 * Return the strict mapper behind this codec.
	 * @return the mapper
	 */
	public JsonMapper getJsonMapper() {
		return this.jsonMapper;
	}

	/**
	 * Decode one message.
	 * @param content the UTF-8 JSON text
	 * @return the message
	 * @throws JsonRpcException with {@code -32700} for malformed JSON or {@code -32600}
	 * for a value that is not a valid message
	 */
	public JsonRpcMessage decode(byte[] content) {
		if (!Utf8Validator.isValid(content)) {
			throw new JsonRpcException(JsonRpcErrorCodes.PARSE_ERROR, "Parse error");
		}
		return decode(parse(() -> this.jsonMapper.readTree(content)));
	}

	/**
	 * Decode one message read from a stream, such as the buffers of a request body, so
	 * that the body is parsed where it lies instead of being copied first.
	 * @param content the UTF-8 JSON text
	 * @return the message
	 * @throws JsonRpcException with {@code -32700} for malformed JSON or {@code -32600}
	 * for a value that is not a valid message
	 */
	public JsonRpcMessage decode(InputStream content) {
		return decode(parse(() -> this.jsonMapper.readTree(new Utf8ValidatingInputStream(content))));
	}

	private static JsonNode parse(Supplier<JsonNode> reader) {
		try {
			return reader.get();
		}
		catch (JacksonException ex) {
			throw new JsonRpcException(JsonRpcErrorCodes.PARSE_ERROR, "Parse error");
		}
	}

	/**
	 * Decode one message from a parsed tree.
	 * @param tree the JSON value
	 * @return the message
	 * @throws JsonRpcException with {@code -32600} for a value that is not a valid
	 * message
	 */
	public JsonRpcMessage decode(@Nullable JsonNode tree) {
		if (tree == null || tree.isMissingNode()) {
			throw invalid("Empty message", null);
		}
		if (tree.isArray()) {
			throw invalid("Batch messages are not supported", null);
		}
		if (!(tree instanceof ObjectNode message)) {
			throw invalid("A message must be a JSON object", null);
		}
		JsonNode id = message.get("id");
		if (id != null && !isValidId(id)) {
			throw invalid("Invalid id: must be a string or an integer", null);
		}
		if (id != null && id.isString() && id.asString().length() > MAX_ID_LENGTH) {
			throw invalid("Invalid id: a string id must not be longer than " + MAX_ID_LENGTH + " characters", null);
		}
		if (!VERSION_NODE_TEXT.equals(textOf(message.get("jsonrpc")))) {
			throw invalid("Invalid or missing jsonrpc version, expected \"2.0\"", id);
		}
		JsonNode method = message.get("method");
		if (method != null) {
			if (message.has("result") || message.has("error")) {
				throw invalid("A request must not carry a result or an error", id);
			}
			return decodeCall(message, method, id);
		}
		return decodeResponse(message, id);
	}

	private JsonRpcMessage decodeCall(ObjectNode message, JsonNode method, @Nullable JsonNode id) {
		if (!method.isString() || method.asString().isEmpty()) {
			throw invalid("Invalid method: must be a non-empty string", id);
		}
		JsonNode params = message.get("params");
		if (params != null && !params.isObject()) {
			throw new JsonRpcException(JsonRpcError.of(JsonRpcErrorCodes.INVALID_PARAMS, "params must be an object"),
					id);
		}
		ObjectNode paramsObject = (params instanceof ObjectNode object) ? object : null;
		return (id != null) ? new JsonRpcRequest(id, method.asString(), paramsObject)
				: new JsonRpcNotification(method.asString(), paramsObject);
	}

	private JsonRpcMessage decodeResponse(ObjectNode message, @Nullable JsonNode id) {
		boolean hasResult = message.has("result");
		JsonNode error = message.get("error");
		if ((id == null && error == null) || hasResult == (error != null)) {
			throw invalid("Invalid message: expected method, or id with result or error", id);
		}
		if (hasResult) {
			return new JsonRpcResponse(id, message.get("result"), null);
		}
		if (!error.isObject() || !error.path("code").isIntegralNumber()) {
			throw invalid("Invalid error object", id);
		}
		JsonRpcError rpcError = new JsonRpcError(error.path("code").asInt(), error.path("message").asString(""),
				error.get("data"));
		return new JsonRpcResponse(id, null, rpcError);
	}

	/**
	 * Encode one message as UTF-8 JSON.
	 * @param message the message
	 * @return the JSON bytes
	 */
	public byte[] encode(JsonRpcMessage message) {
		return this.jsonMapper.writeValueAsBytes(toWire(message));
	}

	/**
	 * Encode one message as UTF-8 JSON into a stream, such as a buffer of the server's
	 * allocator, so that it is written where the network layer reads it. The stream is
	 * left open.
	 * @param message the message
	 * @param output the stream to write to
	 */
	public void encode(JsonRpcMessage message, OutputStream output) {
		this.jsonMapper.writeValue(output, toWire(message));
	}

	/**
	 * Encode one message as a JSON string.
	 * @param message the message
	 * @return the JSON text
	 */
	public String encodeToString(JsonRpcMessage message) {
		return this.jsonMapper.writeValueAsString(toWire(message));
	}

	private static Object toWire(JsonRpcMessage message) {
		if (message instanceof JsonRpcResponse response) {
			return new WireMessage(null, response.id(), null, response.result(), response.error());
		}
		if (message instanceof JsonRpcRequest request) {
			return new WireMessage(request.method(), request.id(), request.params(), null, null);
		}
		JsonRpcNotification notification = (JsonRpcNotification) message;
		return new WireMessage(notification.method(), null, notification.params(), null, null);
	}

	private static boolean isValidId(JsonNode id) {
		return id.isString() || (id.isIntegralNumber() && id.canConvertToLong());
	}

	private static @Nullable String textOf(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.asString() : null;
	}

	private static JsonRpcException invalid(String message, @Nullable JsonNode id) {
		return new JsonRpcException(JsonRpcError.of(JsonRpcErrorCodes.INVALID_REQUEST, message), id);
	}

	private static final String VERSION_NODE_TEXT = JsonRpcMessage.VERSION;

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "jsonrpc", "id", "method", "params", "result", "error" })
	private record WireMessage(@Nullable String method, @Nullable JsonNode id, @Nullable Object params,
			@Nullable Object result, @Nullable JsonRpcError error) {

		public String getJsonrpc() {
			return JsonRpcMessage.VERSION;
		}

	}

}
