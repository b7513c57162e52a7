package dev.mcpspring.server.logging;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SecretRedactor}.
 *
 * @author MCP Spring Boot team
 */
class SecretRedactorTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SecretRedactor redactor = new SecretRedactor(JSON,
			List.of("password", "token", "key", "authorization", "secret", "client-id"));

	@Test
	void namesAreSplitIntoWords() {
		assertThat(List.of("password", "Password", "apiKey", "api_key", "X-API-Key", "APIKey", "accessToken",
				"refresh_tokens", "Authorization", "clientSecret", "client.secret", "keys", "client_id", "clientId"))
			.allMatch(this.redactor::isSecret);
		assertThat(List.of("keyword", "monkey", "username", "tokenizer", "author", "passwords_hint_x", "clients"))
			.filteredOn(this.redactor::isSecret)
			.containsExactly("passwords_hint_x");
	}

	@Test
	void redactsSecretFieldsAtAnyDepth() {
		JsonNode redacted = this.redactor.redact(JSON.readTree("""
				{"name": "search", "arguments": {"query": "dune", "apiKey": "k-123",
				 "nested": [{"password": {"a": 1}}, {"Authorization": "x"}], "token": null}}"""));
		assertThat(redacted.toString()).isEqualTo("{\"name\":\"search\",\"arguments\":{\"query\":\"dune\","
				+ "\"apiKey\":\"******\",\"nested\":[{\"password\":\"******\"},{\"Authorization\":\"******\"}],"
				+ "\"token\":null}}");
	}

	@Test
	void redactsHttpCredentialsWhateverTheName() {
		JsonNode redacted = this.redactor.redact(JSON.readTree("""
				{"note": "Bearer eyJhbGciOi.payload.sig", "header": "basic dXNlcjpwYXNz", "text": "Bearer"}"""));
		assertThat(redacted.toString()).isEqualTo("{\"note\":\"******\",\"header\":\"******\",\"text\":\"Bearer\"}");
	}

	@Test
	void redactsJsonHeldInStrings() {
		JsonNode redacted = this.redactor.redact(JSON.readTree("""
				{"content": [{"type": "text", "text": "{\\"user\\":\\"alice\\",\\"accessToken\\":\\"t-1\\"}"},
				 {"type": "text", "text": "[not json"}]}"""));
		assertThat(redacted.toString()).isEqualTo("{\"content\":[{\"type\":\"text\",\"text\":"
				+ "\"{\\\"user\\\":\\\"alice\\\",\\\"accessToken\\\":\\\"******\\\"}\"},"
				+ "{\"type\":\"text\",\"text\":\"[not json\"}]}");
	}

	@Test
	void leavesThePayloadUntouched() {
		JsonNode payload = JSON.readTree("{\"password\": \"p\"}");
		this.redactor.redact(payload);
		assertThat(payload.toString()).isEqualTo("{\"password\":\"p\"}");
	}

}
