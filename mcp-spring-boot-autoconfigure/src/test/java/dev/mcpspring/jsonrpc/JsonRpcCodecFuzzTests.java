package dev.mcpspring.jsonrpc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link JsonRpcCodec#decode(byte[])} (issue 14.3): whatever the bytes, the codec
 * returns a message that encodes and decodes to itself, or refuses with {@code -32700} or
 * {@code -32600}; no other exception, and no error message repeating the input. Runs the
 * committed seed corpus ({@code JsonRpcCodecFuzzTestsInputs}) in the normal build;
 * {@code JAZZER_FUZZ=1} fuzzes for real (see docs/reliability.md).
 *
 * @author MCP Spring Boot team
 */
class JsonRpcCodecFuzzTests {

	private final JsonRpcCodec codec = new JsonRpcCodec(JsonMapper.builder().build());

	@FuzzTest(maxDuration = "30s")
	void decodeGivesAMessageOrASpecError(byte[] input) {
		JsonRpcMessage message;
		try {
			message = this.codec.decode(input);
		}
		catch (JsonRpcException ex) {
			assertThat(ex.getError().code()).isIn(JsonRpcErrorCodes.PARSE_ERROR, JsonRpcErrorCodes.INVALID_REQUEST);
			assertThat(ex.getError().message()).hasSizeLessThan(200);
			return;
		}
		String encoded = this.codec.encodeToString(message);
		assertThat(
				this.codec.encodeToString(this.codec.decode(encoded.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
			.isEqualTo(encoded);
	}

}
