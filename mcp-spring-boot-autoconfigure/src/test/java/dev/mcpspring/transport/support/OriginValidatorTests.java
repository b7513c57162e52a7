package dev.mcpspring.transport.support;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OriginValidator}.
 *
 * @author MCP Spring Boot team
 */
class OriginValidatorTests {

	private final OriginValidator defaults = new OriginValidator(List.of(), List.of());

	private final OriginValidator configured = new OriginValidator(List.of("mcp.example.com", "API.Example.org"),
			List.of("https://app.example.com", "HTTP://Tools.Example.org:8443"));

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "localhost:8080", "LOCALHOST:8080", "127.0.0.1", "127.0.0.1:3000", "[::1]",
			"[::1]:8080" })
	void loopbackHostsAreAllowed(String host) {
		assertThat(this.defaults.isAllowed(host, null)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "evil.com", "evil.com:8080", "localhost.evil.com", "127.0.0.1.nip.io", "[::2]:8080",
			"0.0.0.0:8080", "mcp.example.com", "10.0.0.1", "", "localhost:evil.com", "[::1]evil.com", "::1" })
	void otherHostsAreRejectedByDefault(String host) {
		assertThat(this.defaults.isAllowed(host, null)).isFalse();
	}

	@Test
	void missingHostIsRejected() {
		assertThat(this.defaults.isAllowed(null, null)).isFalse();
		assertThat(this.configured.isAllowed(null, "https://app.example.com")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "mcp.example.com", "mcp.example.com:443", "MCP.EXAMPLE.COM", "api.example.org",
			"api.example.org:8080", "localhost:8080" })
	void configuredHostsAreAllowed(String host) {
		assertThat(this.configured.isAllowed(host, null)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "other.example.com", "example.com", "mcp.example.com.evil.com", "evil.com" })
	void unconfiguredHostsAreRejected(String host) {
		assertThat(this.configured.isAllowed(host, null)).isFalse();
	}

	@Test
	void wildcardHostAllowsAnyHost() {
		OriginValidator any = new OriginValidator(List.of("*"), List.of());
		assertThat(any.isAllowed("evil.com:8080", null)).isTrue();
		assertThat(any.isAllowed(null, null)).isTrue();
		assertThat(any.isAllowed("evil.com", "https://evil.com")).isFalse();
	}

	@Test
	void withoutHostCheckAnyHostIsAllowedButOriginsAreStillChecked() {
		OriginValidator originOnly = new OriginValidator(List.of(), List.of("https://app.example.com"), false);
		assertThat(originOnly.isCheckingHost()).isFalse();
		assertThat(originOnly.isAllowed("mcp.example.test", null)).isTrue();
		assertThat(originOnly.isAllowed("10.0.0.1:8080", "https://app.example.com")).isTrue();
		assertThat(originOnly.check("mcp.example.test", "https://evil.com"))
			.isEqualTo(OriginValidator.Verdict.FORBIDDEN_ORIGIN);
		assertThat(this.defaults.isCheckingHost()).isTrue();
	}

	@Test
	void absentOriginIsAllowed() {
		assertThat(this.defaults.isAllowed("localhost:8080", null)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost", "http://localhost:6274", "https://localhost:8443",
			"http://127.0.0.1:3000", "http://[::1]:3000", "HTTP://LOCALHOST:5173" })
	void loopbackOriginsAreAllowed(String origin) {
		assertThat(this.defaults.isAllowed("localhost:8080", origin)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.com", "http://evil.com:8080", "http://localhost.evil.com",
			"http://127.0.0.1.evil.com", "http://localhost:3000@evil.com", "null", "file://localhost",
			"ftp://localhost", "chrome-extension://abcdef", "localhost", "http://", "not a uri", "" })
	void otherOriginsAreRejected(String origin) {
		assertThat(this.defaults.isAllowed("localhost:8080", origin)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://app.example.com", "HTTPS://APP.EXAMPLE.COM", "http://tools.example.org:8443",
			"http://localhost:3000" })
	void configuredOriginsAreAllowed(String origin) {
		assertThat(this.configured.isAllowed("mcp.example.com", origin)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://app.example.com", "https://app.example.com:8443", "https://example.com",
			"http://tools.example.org", "https://app.example.com.evil.com", "null" })
	void originsMustMatchConfiguredOriginsExactly(String origin) {
		assertThat(this.configured.isAllowed("mcp.example.com", origin)).isFalse();
	}

	@Test
	void wildcardOriginAllowsAnyOrigin() {
		OriginValidator any = new OriginValidator(List.of(), List.of("*"));
		assertThat(any.isAllowed("localhost", "https://evil.com")).isTrue();
		assertThat(any.isAllowed("localhost", "null")).isTrue();
		assertThat(any.isAllowed("evil.com", "https://evil.com")).isFalse();
	}

	@Test
	void allowedOriginDoesNotAllowForeignHost() {
		assertThat(this.configured.isAllowed("evil.com", "https://app.example.com")).isFalse();
	}

}
