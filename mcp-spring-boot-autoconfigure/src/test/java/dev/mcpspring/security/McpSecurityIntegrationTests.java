package dev.mcpspring.security;

import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.mcpspring.annotation.McpPrompt;
import dev.mcpspring.annotation.McpResource;
import dev.mcpspring.annotation.McpTool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end security tests: real tokens from a real Spring Authorization Server started
 * in the test, presented to an MCP server on a random port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class McpSecurityIntegrationTests {

	static final String RESOURCE = "https://mcp.example.test/mcp";

	static final String METADATA_URL = "https://mcp.example.test/.well-known/oauth-protected-resource/mcp";

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private String issuer;

	private String otherIssuer;

	private WebTestClient client;

	@BeforeAll
	void start() {
		this.issuer = "http://localhost:" + port(startAuthorizationServer());
		this.otherIssuer = "http://localhost:" + port(startAuthorizationServer());
		ConfigurableApplicationContext mcp = start(
				new SpringApplicationBuilder(McpApp.class).web(mcpWebApplicationType())
					.properties("server.port=0", "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + this.issuer,
							"mcp.server.security.resource=" + RESOURCE,
							"mcp.server.security.scopes-supported=mcp:read,mcp:admin",
							"mcp.server.security.resource-name=Test MCP server"));
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port(mcp))
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}

	/**
	 * The web stack of the MCP server under test.
	 */
	WebApplicationType mcpWebApplicationType() {
		return WebApplicationType.REACTIVE;
	}

	@AfterAll
	void stop() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void protectedResourceMetadataIsServedFromConfigurationNotHost() {
		for (String path : List.of("/.well-known/oauth-protected-resource",
				"/.well-known/oauth-protected-resource/mcp")) {
			this.client.get()
				.uri(path)
				.header(HttpHeaders.HOST, "evil.example")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.resource")
				.isEqualTo(RESOURCE)
				.jsonPath("$.authorization_servers[0]")
				.isEqualTo(this.issuer)
				.jsonPath("$.scopes_supported")
				.isEqualTo(List.of("mcp:read", "mcp:admin"))
				.jsonPath("$.bearer_methods_supported")
				.isEqualTo(List.of("header"))
				.jsonPath("$.resource_name")
				.isEqualTo("Test MCP server");
		}
	}

	@Test
	void noTokenIsUnauthorizedWithResourceMetadata() {
		post(null, null, initialize()).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer resource_metadata=\"" + METADATA_URL + "\", scope=\"mcp:read mcp:admin\"");
	}

	@Test
	void tamperedSignatureIsInvalidToken() {
		String token = token(this.issuer, "mcp-client", "mcp:read");
		String tampered = token.substring(0, token.length() - 6) + (token.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
		expectInvalidToken(tampered);
	}

	@Test
	void tokenOfAnotherIssuerIsInvalidToken() {
		expectInvalidToken(token(this.otherIssuer, "mcp-client", "mcp:read"));
	}

	@Test
	void tokenForAnotherResourceIsInvalidToken() {
		String token = token(this.issuer, "other-client", "mcp:read");
		assertThat(claims(token)).contains("\"aud\":\"https://other.example.test/api\"");
		expectInvalidToken(token);
	}

	@Test
	void expiredTokenIsInvalidToken() {
		String token = token(this.issuer, "short-client", "mcp:read");
		initializeSession(token);
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> expectInvalidToken(token));
	}

	@Test
	void garbageTokenIsInvalidTokenWithoutEcho() {
		String body = post("not-a-jwt", null, initialize()).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"invalid_token\", resource_metadata=\"" + METADATA_URL
							+ "\", scope=\"mcp:read mcp:admin\"")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).doesNotContain("not-a-jwt");
	}

	@Test
	void validTokenCallsToolsAndSeesAllOfThem() {
		String token = token(this.issuer, "mcp-client", "mcp:read mcp:admin");
		String session = initializeSession(token);
		post(token, session, request("tools/list", "{}")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result.tools[*].name")
			.value((names) -> assertThat((List<Object>) names).containsExactlyInAnyOrder("echo", "admin", "whoami"));
		post(token, session, request("tools/call", "{\"name\":\"whoami\",\"arguments\":{}}")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result.content[0].text")
			.isEqualTo("mcp-client");
		post(token, session, request("tools/call", "{\"name\":\"admin\",\"arguments\":{}}")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result.content[0].text")
			.isEqualTo("done");
	}

	@Test
	void missingScopeHidesToolAndCallIsForbiddenWithStepUpChallenge() {
		String token = token(this.issuer, "narrow-client", "mcp:read");
		String session = initializeSession(token);
		post(token, session, request("tools/list", "{}")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result.tools[*].name")
			.value((names) -> assertThat((List<Object>) names).containsExactlyInAnyOrder("echo", "whoami"));
		post(token, session, request("tools/call", "{\"name\":\"admin\",\"arguments\":{}}")).expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"insufficient_scope\", scope=\"mcp:admin mcp:read\", " + "resource_metadata=\""
							+ METADATA_URL + "\"");
		post(token, session, request("tools/call", "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result.content[0].text")
			.isEqualTo("hi");
	}

	@ParameterizedTest // issue 19: the stateless revision answered 202 with no body
	@CsvSource(delimiter = '|', value = { "tools/call|admin|{\"name\":\"admin\",\"arguments\":{}}",
			"prompts/get|audit|{\"name\":\"audit\"}", "resources/read|audit://log|{\"uri\":\"audit://log\"}" })
	void missingScopeOnStatelessRevisionIsForbiddenWithStepUpChallenge(String method, String name, String params) {
		String token = token(this.issuer, "narrow-client", "mcp:read");
		String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + "{\"_meta\":"
				+ STATELESS_META + "," + params.substring(1) + "}";
		this.client.post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM)
			.headers((headers) -> {
				headers.setBearerAuth(token);
				headers.set("MCP-Protocol-Version", "2026-07-28");
				headers.set("Mcp-Method", method);
				headers.set("Mcp-Name", name);
			})
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"insufficient_scope\", scope=\"mcp:admin mcp:read\", " + "resource_metadata=\""
							+ METADATA_URL + "\"")
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(7)
			.jsonPath("$.error.code")
			.isEqualTo(-32600);
	}

	@Test
	void missingScopeOnSessionAnswersWithTheRequestId() {
		String token = token(this.issuer, "narrow-client", "mcp:read");
		String session = initializeSession(token);
		post(token, session, request("tools/call", "{\"name\":\"admin\",\"arguments\":{}}")).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(1);
	}

	@Test
	void sessionIsBoundToItsPrincipal() {
		String owner = token(this.issuer, "mcp-client", "mcp:read");
		String session = initializeSession(owner);
		String intruder = token(this.issuer, "narrow-client", "mcp:read");
		post(intruder, session, request("tools/list", "{}")).expectStatus().isNotFound();
		post(owner, session, request("tools/list", "{}")).expectStatus().isOk();
	}

	private void expectInvalidToken(String token) {
		post(token, null, initialize()).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE,
					(value) -> assertThat(value).startsWith("Bearer error=\"invalid_token\"")
						.contains("resource_metadata=\"" + METADATA_URL + "\"")
						.doesNotContain(token));
	}

	private String initializeSession(String token) {
		EntityExchangeResult<byte[]> result = post(token, null, initialize()).expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		String session = result.getResponseHeaders().getFirst("Mcp-Session-Id");
		assertThat(session).isNotNull();
		post(token, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").expectStatus()
			.isAccepted();
		return session;
	}

	private WebTestClient.ResponseSpec post(@Nullable String token, @Nullable String session, String body) {
		return this.client.post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM)
			.headers((headers) -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
				if (session != null) {
					headers.set("Mcp-Session-Id", session);
					headers.set("MCP-Protocol-Version", "2025-11-25");
				}
			})
			.bodyValue(body)
			.exchange();
	}

	private static final String STATELESS_META = "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
			+ "\"io.modelcontextprotocol/clientCapabilities\":{},"
			+ "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}";

	private static String initialize() {
		return request("initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
				+ "\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}");
	}

	private static String request(String method, String params) {
		return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
	}

	@SuppressWarnings("unchecked")
	private static String token(String issuer, String clientId, String scope) {
		Map<String, Object> response = WebClient.create(issuer)
			.post()
			.uri("/oauth2/token")
			.headers((headers) -> headers.setBasicAuth(clientId, "secret-of-" + clientId))
			.body(BodyInserters.fromFormData("grant_type", "client_credentials").with("scope", scope))
			.retrieve()
			.bodyToMono(Map.class)
			.block(Duration.ofSeconds(20));
		assertThat(response).containsKey("access_token");
		return (String) response.get("access_token");
	}

	private static String claims(String token) {
		return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
	}

	private ConfigurableApplicationContext startAuthorizationServer() {
		List<String> properties = new ArrayList<>(List.of("server.port=0", "mcp.server.enabled=false"));
		client(properties, "mcp-client", "mcp:read,mcp:admin", null);
		client(properties, "narrow-client", "mcp:read", null);
		client(properties, "other-client", "mcp:read", null);
		client(properties, "short-client", "mcp:read", "3s");
		return start(new SpringApplicationBuilder(AuthorizationServerApp.class).web(WebApplicationType.SERVLET)
			.properties(properties.toArray(String[]::new)));
	}

	private static void client(List<String> properties, String id, String scopes, @Nullable String ttl) {
		String prefix = "spring.security.oauth2.authorizationserver.client." + id + ".";
		properties.add(prefix + "registration.client-id=" + id);
		properties.add(prefix + "registration.client-secret={noop}secret-of-" + id);
		properties.add(prefix + "registration.client-authentication-methods=client_secret_basic");
		properties.add(prefix + "registration.authorization-grant-types=client_credentials");
		properties.add(prefix + "registration.scopes=" + scopes);
		if (ttl != null) {
			properties.add(prefix + "token.access-token-time-to-live=" + ttl);
		}
	}

	private ConfigurableApplicationContext start(SpringApplicationBuilder builder) {
		ConfigurableApplicationContext context = builder.run();
		this.contexts.add(context);
		return context;
	}

	private static int port(ConfigurableApplicationContext context) {
		Environment environment = context.getEnvironment();
		return environment.getRequiredProperty("local.server.port", Integer.class);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class AuthorizationServerApp {

		/**
		 * Issue tokens for the MCP resource, except to {@code other-client}, whose tokens
		 * are for another service.
		 */
		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> audienceCustomizer() {
			return (context) -> context.getClaims()
				.audience(List.of("other-client".equals(context.getRegisteredClient().getClientId())
						? "https://other.example.test/api" : RESOURCE));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class McpApp {

		@Bean
		Tools tools() {
			return new Tools();
		}

		/**
		 * No clock skew, so that a short-lived token expires within the test.
		 */
		@Bean
		OAuth2TokenValidator<Jwt> strictTimestamps() {
			return new JwtTimestampValidator(Duration.ZERO);
		}

	}

	static class Tools {

		@McpTool(description = "Echo the text", scopes = "mcp:read")
		String echo(String text) {
			return text;
		}

		@McpTool(description = "Administer", scopes = "mcp:admin")
		String admin() {
			return "done";
		}

		@McpPrompt(description = "Audit prompt", scopes = "mcp:admin")
		String audit() {
			return "Audit everything";
		}

		@McpResource(uri = "audit://log", description = "Audit log", scopes = "mcp:admin")
		String auditLog() {
			return "nothing happened";
		}

		@McpTool(description = "Who is calling")
		String whoami(Principal principal) {
			return principal.getName();
		}

	}

}
