package dev.mcpspring.test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The message bodies of the bad-input corpus (issue 14.2) that every transport must
 * refuse with a JSON-RPC error and no echo: malformed and truncated JSON, invalid UTF-8,
 * byte order marks, duplicate keys, batches, deep nesting, huge numbers and ids of the
 * wrong type. Each carries the canary {@link #CANARY} where it can, so a test can check
 * that no answer repeats the input.
 *
 * @author MCP Spring Boot team
 */
public final class BadInputs {

	/**
	 * A string that no answer may contain.
	 */
	public static final String CANARY = "c4n4ry";

	private BadInputs() {
	}

	/**
	 * Return the bad bodies, each with the JSON-RPC error code it must get.
	 * @param method the method of the otherwise well-formed message
	 * @param params the parameters of the otherwise well-formed message, as JSON
	 * @return the cases
	 */
	public static List<Body> bodies(String method, String params) {
		String valid = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + params + "}";
		List<Body> bodies = new ArrayList<>();
		int parse = JsonRpcErrorCodes.PARSE_ERROR;
		int invalid = JsonRpcErrorCodes.INVALID_REQUEST;
		bodies.add(new Body("empty", new byte[0], invalid));
		bodies.add(new Body("whitespace", utf8(" \t "), invalid));
		bodies.add(new Body("truncated", utf8(valid.substring(0, valid.length() / 2)), parse));
		bodies.add(new Body("truncated-last-brace", utf8(valid.substring(0, valid.length() - 1)), parse));
		bodies.add(new Body("trailing-garbage", utf8(valid + CANARY), parse));
		bodies.add(new Body("two-messages", utf8(valid + valid), parse));
		bodies.add(new Body("single-quotes", utf8(valid.replace('"', '\'')), parse));
		bodies.add(new Body("comment", utf8("/*" + CANARY + "*/" + valid), parse));
		bodies.add(new Body("nan", utf8(valid.replace("\"id\":7", "\"id\":NaN")), parse));
		bodies.add(new Body("unquoted-key", utf8("{" + CANARY + ":1}"), parse));
		bodies.add(new Body("control-char-in-string", utf8(valid.replace("\"2.0\"", "\"2.\u00010\"")), parse));
		bodies.add(new Body("invalid-utf8-ff", concat(utf8("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + CANARY),
				HexFormat.of().parseHex("FF"), utf8("\"}")), parse));
		bodies.add(new Body("invalid-utf8-overlong", concat(utf8("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\""),
				HexFormat.of().parseHex("C0AEC0AE"), utf8("\"}")), parse));
		bodies.add(new Body("invalid-utf8-surrogate", concat(utf8("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\""),
				HexFormat.of().parseHex("EDA080"), utf8("\"}")), parse));
		bodies.add(new Body("utf16", valid.getBytes(StandardCharsets.UTF_16), parse));
		bodies.add(new Body("duplicate-key", utf8(valid.replace("\"id\":7", "\"id\":7,\"id\":8")), parse));
		bodies.add(new Body("duplicate-method",
				utf8(valid.replace("\"id\":7", "\"id\":7,\"method\":\"" + CANARY + "\"")), parse));
		bodies.add(new Body("batch", utf8("[" + valid + "," + valid + "]"), invalid));
		bodies.add(new Body("empty-batch", utf8("[]"), invalid));
		bodies.add(new Body("string", utf8("\"" + CANARY + "\""), invalid));
		bodies.add(new Body("number", utf8("42"), invalid));
		bodies.add(new Body("null", utf8("null"), invalid));
		bodies.add(new Body("empty-object", utf8("{}"), invalid));
		bodies.add(new Body("depth-10k-arrays", utf8(nested(10_000, '[', ']')), parse));
		bodies.add(new Body("depth-100k-objects", utf8(nested(100_000, "{\"a\":", "}")), parse));
		bodies.add(new Body("depth-10k-in-params",
				utf8(valid.replace("\"params\":" + params, "\"params\":{\"x\":" + nested(10_000, '[', ']') + "}")),
				parse));
		bodies.add(new Body("huge-number-in-params",
				utf8(valid.replace("\"params\":" + params, "\"params\":{\"x\":1" + "0".repeat(100_000) + "}")), parse));
		bodies.add(new Body("huge-exponent-id", utf8(valid.replace("\"id\":7", "\"id\":1e999999999")), invalid));
		bodies.add(new Body("huge-integer-id", utf8(valid.replace("\"id\":7", "\"id\":" + "9".repeat(40))), invalid));
		bodies.add(new Body("fraction-id", utf8(valid.replace("\"id\":7", "\"id\":1.5")), invalid));
		bodies.add(new Body("boolean-id", utf8(valid.replace("\"id\":7", "\"id\":true")), invalid));
		bodies.add(new Body("object-id", utf8(valid.replace("\"id\":7", "\"id\":{\"" + CANARY + "\":1}")), invalid));
		bodies.add(new Body("array-id", utf8(valid.replace("\"id\":7", "\"id\":[7]")), invalid));
		bodies.add(new Body("long-string-id",
				utf8(valid.replace("\"id\":7", "\"id\":\"" + CANARY.repeat(2_000) + "\"")), invalid));
		bodies.add(new Body("jsonrpc-1.0", utf8(valid.replace("\"2.0\"", "\"1.0\"")), invalid));
		bodies.add(new Body("no-jsonrpc", utf8(valid.replace("\"jsonrpc\":\"2.0\",", "")), invalid));
		bodies.add(new Body("method-number", utf8(valid.replace("\"" + method + "\"", "42")), invalid));
		bodies.add(new Body("result-and-method", utf8(valid.replace("\"id\":7", "\"id\":7,\"result\":{}")), invalid));
		return bodies;
	}

	/**
	 * Return parameters of the wrong type or shape for every feature method, besides a
	 * string and an array in place of the params object, which apply to every method.
	 * @return the bad parameters by method, as JSON
	 */
	public static Map<String, List<String>> wrongParams() {
		return Map.of("tools/call",
				List.of("{\"name\":42}", "{\"name\":\"echo\",\"arguments\":\"c4n4ry\"}",
						"{\"name\":\"echo\",\"arguments\":[1]}", "{\"name\":\"c4n4ry\"}"),
				"resources/read", List.of("{\"uri\":42}", "{}", "{\"uri\":{\"c4n4ry\":1}}"), "prompts/get",
				List.of("{\"name\":42}", "{\"name\":\"greet\",\"arguments\":\"c4n4ry\"}", "{\"name\":\"c4n4ry\"}",
						"{\"name\":\"greet\",\"arguments\":{\"who\":42}}"),
				"completion/complete",
				List.of("{\"ref\":\"c4n4ry\"}", "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"greet\"},\"argument\":1}",
						"{\"ref\":{\"type\":\"c4n4ry\"},\"argument\":{\"name\":\"who\",\"value\":\"a\"}}"),
				"tools/list", List.of("{\"cursor\":42}", "{\"cursor\":\"c4n4ry\"}"), "resources/list",
				List.of("{\"cursor\":[]}", "{\"cursor\":\"c4n4ry\"}"), "prompts/list", List.of("{\"cursor\":true}"),
				"resources/templates/list", List.of("{\"cursor\":{}}"));
	}

	/**
	 * Return the wrong-parameter cases of the corpus: for each revision, every feature
	 * method with {@link #wrongParams()}, a string and an array as params, an unknown
	 * method, and the session-only methods with wrong parameters.
	 * @param sessionRevision the revision with sessions
	 * @param statelessRevision the stateless revision
	 * @return the cases as revision, method, params
	 */
	public static Stream<Arguments> wrongParamCases(String sessionRevision, String statelessRevision) {
		List<Arguments> cases = new ArrayList<>();
		Map<String, List<String>> byMethod = wrongParams();
		for (String revision : List.of(sessionRevision, statelessRevision)) {
			for (String method : byMethod.keySet().stream().sorted().toList()) {
				cases.add(Arguments.of(revision, method, "\"" + CANARY + "\""));
				cases.add(Arguments.of(revision, method, "[1]"));
				byMethod.get(method).forEach((params) -> cases.add(Arguments.of(revision, method, params)));
			}
			cases.add(Arguments.of(revision, CANARY + "/method", "{}"));
		}
		cases.add(Arguments.of(sessionRevision, "logging/setLevel", "{\"level\":42}"));
		cases.add(Arguments.of(sessionRevision, "logging/setLevel", "{\"level\":\"" + CANARY + "\"}"));
		cases.add(Arguments.of(sessionRevision, "resources/subscribe", "{\"uri\":42}"));
		return cases.stream();
	}

	private static String nested(int depth, char open, char close) {
		return String.valueOf(open).repeat(depth) + String.valueOf(close).repeat(depth);
	}

	private static String nested(int depth, String open, String close) {
		return open.repeat(depth) + "1" + close.repeat(depth);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			bytes.writeBytes(part);
		}
		return bytes.toByteArray();
	}

	/**
	 * A bad body.
	 *
	 * @param name what is wrong with it
	 * @param content the bytes
	 * @param code the JSON-RPC error code it must get
	 */
	public record Body(String name, byte[] content, int code) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
