package dev.mcpspring.oauthbridge;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.OAuth2ClientRegistration;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientRegistrationAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientRegistrationAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DynamicClientRegistrationValidatorTests {

	private final AtomicBoolean room = new AtomicBoolean(true);

	private final DynamicClientRegistrationValidator validator = new DynamicClientRegistrationValidator(this.room::get,
			List.of("mcp:read", "mcp:admin"), List.of("https://app.example.com/oauth/*", "https://exact.example/cb"));

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:53121/callback", "http://localhost/callback", "http://[::1]:8080/cb",
			"https://127.0.0.1/cb", "https://app.example.com/oauth/callback", "https://exact.example/cb" })
	void acceptsLoopbackAndConfiguredRedirectUris(String redirectUri) {
		assertThatNoException().isThrownBy(() -> validate(Map.of("redirect_uris", List.of(redirectUri))));
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example/callback", "https://exact.example/cb/more", "ftp://127.0.0.1/cb",
			"http://user@127.0.0.1/cb", "http://127.0.0.1.evil.example/cb", "javascript:alert(1)",
			"https://app.example.com/other", "//127.0.0.1/cb" })
	void refusesOtherRedirectUris(String redirectUri) {
		expectError("invalid_redirect_uri", Map.of("redirect_uris", List.of(redirectUri)));
	}

	@Test
	void refusesConfidentialClients() {
		expectError("invalid_client_metadata", Map.of("redirect_uris", List.of("http://127.0.0.1/cb"),
				"token_endpoint_auth_method", "client_secret_post"));
	}

	@Test
	void refusesScopesThatAreNotAllowed() {
		expectError("invalid_client_metadata",
				Map.of("redirect_uris", List.of("http://127.0.0.1/cb"), "scope", List.of("mcp:read", "admin")));
	}

	@Test
	void acceptsAllowedScopesAndGrantTypes() {
		assertThatNoException().isThrownBy(() -> validate(
				Map.of("redirect_uris", List.of("http://127.0.0.1/cb"), "scope", List.of("mcp:read"), "grant_types",
						List.of("authorization_code", "refresh_token"), "response_types", List.of("code"))));
	}

	@Test
	void refusesOtherGrantTypes() {
		expectError("invalid_client_metadata",
				Map.of("redirect_uris", List.of("http://127.0.0.1/cb"), "grant_types", List.of("client_credentials")));
	}

	@Test
	void refusesRegistrationsWhenTheRepositoryIsFull() {
		this.room.set(false);
		expectError("temporarily_unavailable", Map.of("redirect_uris", List.of("http://127.0.0.1/cb")));
	}

	private void expectError(String error, Map<String, Object> claims) {
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> validate(claims))
			.satisfies(
					(ex) -> org.assertj.core.api.Assertions.assertThat(ex.getError().getErrorCode()).isEqualTo(error));
	}

	private void validate(Map<String, Object> claims) {
		OAuth2ClientRegistration.Builder registration = OAuth2ClientRegistration.builder()
			.claim("token_endpoint_auth_method", "none");
		claims.forEach(registration::claim);
		OAuth2ClientRegistrationAuthenticationToken token = new OAuth2ClientRegistrationAuthenticationToken(
				new TestingAuthenticationToken("anonymous", null), registration.build());
		this.validator.accept(OAuth2ClientRegistrationAuthenticationContext.with(token).build());
	}

}
