package dev.mcpspring.server.stateless;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * Signs and verifies the {@code requestState} of multi round-trip requests with
 * HMAC-SHA256, so that any replica sharing the keys accepts a retry and tampering is
 * rejected. The state is bound to the method, the feature name, the principal and an
 * expiry time. Several keys may be configured for rotation: the first signs, all verify.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class RequestStateCodec {

	private static final String ALGORITHM = "HmacSHA256";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

	private final String signingKeyId;

	private final Duration timeToLive;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	/**
	 * Create a codec.
	 * @param keys secrets by key id, the signing key first; at least 32 bytes each
	 * @param timeToLive how long a state stays valid
	 * @param jsonMapper the mapper for the payload
	 * @param clock the clock
	 */
	public RequestStateCodec(Map<String, byte[]> keys, Duration timeToLive, JsonMapper jsonMapper, Clock clock) {
		Assert.notEmpty(keys, "At least one request state key is required");
		keys.forEach((id, secret) -> {
			Assert.isTrue(secret.length >= 32, () -> "Request state key '" + id + "' must have at least 32 bytes");
			this.keys.put(id, new SecretKeySpec(secret, ALGORITHM));
		});
		this.signingKeyId = keys.keySet().iterator().next();
		this.timeToLive = timeToLive;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	/**
	 * Create a codec with a random key, valid for this process only.
	 * @param timeToLive how long a state stays valid
	 * @param jsonMapper the mapper for the payload
	 * @return the codec
	 */
	public static RequestStateCodec withRandomKey(Duration timeToLive, JsonMapper jsonMapper) {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return new RequestStateCodec(Map.of("local", secret), timeToLive, jsonMapper, Clock.systemUTC());
	}

	/**
	 * Encode a state.
	 * @param binding what the state is valid for: method, name and principal
	 * @param responses the input responses gathered so far
	 * @return the signed state
	 */
	public String encode(String binding, ObjectNode responses) {
		ObjectNode payload = this.jsonMapper.createObjectNode();
		payload.put("b", binding);
		payload.put("exp", this.clock.millis() + this.timeToLive.toMillis());
		payload.set("r", responses);
		String body = ENCODER.encodeToString(this.jsonMapper.writeValueAsBytes(payload));
		String signed = body + "." + this.signingKeyId;
		return signed + "." + signature(this.keys.get(this.signingKeyId), signed);
	}

	/**
	 * Verify and decode a state.
	 * @param state the state the client echoed
	 * @param binding what the state must be valid for
	 * @return the input responses it carries
	 * @throws JsonRpcException with {@code -32602} if the state is forged, expired or
	 * bound to something else
	 */
	public ObjectNode decode(String state, String binding) {
		// the signature is compared as text: Base64 decoding would take it with padding
		// or with other unused bits, and a trailing dot would be dropped by a plain split
		String[] parts = state.split("\\.", -1);
		SecretKeySpec key = (parts.length == 3) ? this.keys.get(parts[1]) : null;
		if (key == null || !MessageDigest.isEqual(utf8(signature(key, parts[0] + "." + parts[1])), utf8(parts[2]))) {
			throw invalid();
		}
		try {
			JsonNode payload = this.jsonMapper.readTree(decodeBase64(parts[0]));
			if (!binding.equals(payload.path("b").asString(null)) || payload.path("exp").asLong(0) < this.clock.millis()
					|| !(payload.get("r") instanceof ObjectNode responses)) {
				throw invalid();
			}
			return responses;
		}
		catch (JacksonException ex) {
			throw invalid();
		}
	}

	private static String signature(SecretKeySpec key, String data) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return ENCODER.encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] decodeBase64(@Nullable String text) {
		try {
			return (text != null) ? DECODER.decode(text) : new byte[0];
		}
		catch (IllegalArgumentException ex) {
			return new byte[0];
		}
	}

	private static JsonRpcException invalid() {
		return new JsonRpcException(JsonRpcErrorCodes.INVALID_PARAMS, "Invalid or expired requestState");
	}

}
