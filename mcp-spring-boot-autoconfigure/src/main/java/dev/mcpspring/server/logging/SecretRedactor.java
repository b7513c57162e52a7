package dev.mcpspring.server.logging;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * Copies JSON payloads for logging with the values of secret-looking fields replaced. A
 * field is secret when one of its name's words, or a run of them, is one of the
 * configured words, possibly followed by {@code s}: names are split into words at case
 * changes, dashes, underscores and dots, so {@code apiKey}, {@code api_key} and
 * {@code X-API-Key} all contain {@code key}, while {@code keyword} does not. String
 * values that carry HTTP credentials ({@code Bearer …}, {@code Basic …}) are replaced
 * wherever they appear, and strings holding a JSON object or array, such as the text
 * content of a tool result, are redacted like the payload.
 *
 * @author MCP Spring Boot team
 */
final class SecretRedactor {

	/**
	 * What a redacted value becomes.
	 */
	static final String MASK = "******";

	private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

	private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

	private static final Pattern CREDENTIALS = Pattern.compile("(?i)\\s*(bearer|basic)\\s+\\S.*", Pattern.DOTALL);

	private final JsonMapper jsonMapper;

	private final List<String> words;

	/**
	 * Create a redactor.
	 * @param jsonMapper the mapper that reads JSON held in strings
	 * @param secretWords the words that mark a field as secret, such as {@code token}
	 */
	SecretRedactor(JsonMapper jsonMapper, Collection<String> secretWords) {
		Assert.notNull(jsonMapper, "JsonMapper is required");
		Assert.notNull(secretWords, "Secret words are required");
		this.jsonMapper = jsonMapper;
		this.words = secretWords.stream().map(SecretRedactor::words).filter((word) -> word.length() > 2).toList();
	}

	/**
	 * Whether a field of this name holds a secret.
	 * @param name the field name
	 * @return {@code true} if its value must not be logged
	 */
	boolean isSecret(String name) {
		String nameWords = words(name);
		return this.words.stream()
			.anyMatch((word) -> nameWords.contains(word)
					|| nameWords.contains(word.substring(0, word.length() - 1) + "s_"));
	}

	/**
	 * Return a copy of a payload with secret values replaced by {@link #MASK}.
	 * @param payload the payload
	 * @return the redacted copy
	 */
	JsonNode redact(JsonNode payload) {
		if (payload instanceof ObjectNode object) {
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			for (Map.Entry<String, JsonNode> property : object.properties()) {
				copy.set(property.getKey(),
						isSecret(property.getKey()) ? mask(property.getValue()) : redact(property.getValue()));
			}
			return copy;
		}
		if (payload instanceof ArrayNode array) {
			ArrayNode copy = JsonNodeFactory.instance.arrayNode(array.size());
			array.forEach((element) -> copy.add(redact(element)));
			return copy;
		}
		if (payload.isString()) {
			return redactString(payload.asString(), payload);
		}
		return payload;
	}

	private JsonNode redactString(String text, JsonNode node) {
		if (CREDENTIALS.matcher(text).matches()) {
			return JsonNodeFactory.instance.stringNode(MASK);
		}
		String json = text.strip();
		if (!json.startsWith("{") && !json.startsWith("[")) {
			return node;
		}
		try {
			return JsonNodeFactory.instance.stringNode(redact(this.jsonMapper.readTree(json)).toString());
		}
		catch (JacksonException ex) {
			return node;
		}
	}

	private static JsonNode mask(JsonNode value) {
		return (value.isNull() || value.isMissingNode()) ? value : JsonNodeFactory.instance.stringNode(MASK);
	}

	/**
	 * Return the words of a name, lower case, each followed by {@code _}, and the first
	 * one preceded by it: {@code apiKeys} becomes {@code _api_keys_}. A configured word
	 * is matched as {@code _word_} or {@code _words_}.
	 */
	private static String words(String name) {
		String split = WORD_BOUNDARY.matcher(name).replaceAll("_").toLowerCase(Locale.ROOT);
		return "_" + SEPARATORS.matcher(split).replaceAll("_") + "_";
	}

}
