package dev.mcpspring.oauthbridge;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ClientIdMetadataDocumentResolverTests {

	@ParameterizedTest
	@ValueSource(strings = { "https://client.example/metadata.json", "https://127.0.0.1:8443/clients/a" })
	void clientIdsThatAreHttpsUrlsWithAPathNameDocuments(String clientId) {
		assertThat(ClientIdMetadataDocumentResolver.documentUri(clientId)).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Z8k2PfQx", "http://client.example/metadata.json", "https://client.example",
			"https://client.example/", "https://user@client.example/metadata.json",
			"https://client.example/metadata.json#fragment", "https:///metadata.json", "not a uri" })
	void otherClientIdsNameNoDocument(String clientId) {
		assertThat(ClientIdMetadataDocumentResolver.documentUri(clientId)).isNull();
	}

	@Test
	void otherClientIdsAreNotFetched() {
		ClientIdMetadataDocumentResolver resolver = new ClientIdMetadataDocumentResolver(HttpClient.newHttpClient(),
				Duration.ofSeconds(1),
				new DynamicClientRegistrationValidator(() -> true, List.of("mcp:read"), List.of()),
				new DynamicRegisteredClientConverter(List.of("mcp:read")));
		assertThat(resolver.apply("Z8k2PfQx")).isNull();
	}

	@Test
	void anHttpClientFollowingRedirectsIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new ClientIdMetadataDocumentResolver(
					HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build(), Duration.ofSeconds(1),
					new DynamicClientRegistrationValidator(() -> true, List.of("mcp:read"), List.of()),
					new DynamicRegisteredClientConverter(List.of("mcp:read"))))
			.withMessage("The HttpClient must not follow redirects");
	}

}
