package dev.mcpspring.server.stateless;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Fuzzes {@link RequestStateCodec} (issue 14.3): a state decodes to the responses it was
 * encoded with, and only for its binding, before it expires and with a key the codec
 * knows (also one that signed before a rotation); any edit of a signed state, and any
 * string the codec did not sign, is refused with {@code -32602} and nothing else. Runs
 * the committed seed corpus ({@code RequestStateCodecFuzzTestsInputs}) in the normal
 * build; {@code JAZZER_FUZZ=1} fuzzes for real (see docs/reliability.md).
 * <p>
 * An input is UTF-8 text in up to three lines: the binding, the responses (JSON; any
 * other text is carried as a string) and an edit of the signed state. An edit starts with
 * its operation: {@code a} appends the rest of the line, {@code i} inserts it at a
 * position taken from the line's hash, {@code r} replaces the character there with the
 * line's second character, {@code d} deletes it, {@code x} flips the lowest bit of the
 * last character's Base64 value.
 *
 * @author MCP Spring Boot team
 */
class RequestStateCodecFuzzTests {

	private static final String BASE64_URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	private static final Duration TTL = Duration.ofMinutes(10);

	private static final Instant NOW = Instant.parse("2026-07-28T12:00:00Z");

	private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();

	private static final byte[] SIGNING_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] OLD_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

	private final RequestStateCodec codec = codec(keys("current", SIGNING_KEY, "previous", OLD_KEY), NOW);

	private final RequestStateCodec later = codec(keys("current", SIGNING_KEY, "previous", OLD_KEY),
			NOW.plus(TTL).plusSeconds(1));

	private final RequestStateCodec beforeRotation = codec(keys("previous", OLD_KEY), NOW);

	private final RequestStateCodec stranger = codec(
			keys("current", "another key of at least 32 bytes!".getBytes(StandardCharsets.US_ASCII)), NOW);

	@FuzzTest(maxDuration = "30s")
	void stateRoundTripsForItsBindingOnly(byte[] input) {
		String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", 3);
		String binding = lines[0];
		ObjectNode responses = responses((lines.length > 1) ? lines[1] : "{}");
		String state = this.codec.encode(binding, responses);
		assertThat(this.codec.decode(state, binding)).isEqualTo(responses);
		assertThat(this.codec.decode(this.beforeRotation.encode(binding, responses), binding)).isEqualTo(responses);
		assertRefused(this.codec, state, binding + "x");
		assertRefused(this.later, state, binding);
		assertRefused(this.stranger, state, binding);
		if (lines.length > 2) {
			String edited = edit(state, lines[2]);
			if (!edited.equals(state)) {
				assertRefused(this.codec, edited, binding);
			}
		}
	}

	@FuzzTest(maxDuration = "30s")
	void unsignedStateIsRefused(byte[] input) {
		String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", 2);
		assertRefused(this.codec, lines[0], (lines.length > 1) ? lines[1] : "tools/call:echo:");
	}

	private static void assertRefused(RequestStateCodec codec, String state, String binding) {
		JsonRpcException ex = catchThrowableOfType(JsonRpcException.class, () -> codec.decode(state, binding));
		assertThat(ex).as("decoding %s", state).isNotNull();
		assertThat(ex.getError().code()).isEqualTo(JsonRpcErrorCodes.INVALID_PARAMS);
		assertThat(ex.getError().message()).isEqualTo("Invalid or expired requestState");
	}

	private static ObjectNode responses(String text) {
		try {
			if (JSON_MAPPER.readTree(text) instanceof ObjectNode object) {
				return object;
			}
		}
		catch (JacksonException ex) {
			// carried as a string below
		}
		ObjectNode object = JSON_MAPPER.createObjectNode();
		object.put("text", text);
		return object;
	}

	private static String edit(String state, String edit) {
		if (edit.isEmpty()) {
			return state;
		}
		String rest = edit.substring(1);
		int at = Math.floorMod(edit.hashCode(), state.length());
		return switch (edit.charAt(0)) {
			case 'a' -> state + rest;
			case 'i' -> state.substring(0, at) + rest + state.substring(at);
			case 'r' -> state.substring(0, at) + (rest.isEmpty() ? "" : rest.substring(0, 1)) + state.substring(at + 1);
			case 'd' -> state.substring(0, at) + state.substring(at + 1);
			case 'x' -> flipLastBit(state);
			default -> state;
		};
	}

	private static String flipLastBit(String state) {
		int value = BASE64_URL.indexOf(state.charAt(state.length() - 1));
		return (value < 0) ? state : state.substring(0, state.length() - 1) + BASE64_URL.charAt(value ^ 1);
	}

	private static Map<String, byte[]> keys(Object... idsAndSecrets) {
		Map<String, byte[]> keys = new LinkedHashMap<>();
		for (int i = 0; i < idsAndSecrets.length; i += 2) {
			keys.put((String) idsAndSecrets[i], (byte[]) idsAndSecrets[i + 1]);
		}
		return keys;
	}

	private static RequestStateCodec codec(Map<String, byte[]> keys, Instant now) {
		return new RequestStateCodec(keys, TTL, JSON_MAPPER, Clock.fixed(now, ZoneOffset.UTC));
	}

}
