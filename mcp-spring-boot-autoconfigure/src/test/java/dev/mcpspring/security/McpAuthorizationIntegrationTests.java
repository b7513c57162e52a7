package dev.mcpspring.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mcpspring.annotation.McpPrompt;
import dev.mcpspring.annotation.McpTool;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Mono;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authorization beyond per-feature scopes, with real tokens from a real Spring
 * Authorization Server (issue 18.4): security switched on by the application's own
 * {@link ReactiveJwtDecoder} bean, scopes every request requires, {@code @PreAuthorize}
 * refusals answered as scope errors, and refusals audited.
 *
 * @author MCP Spring Boot team
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpAuthorizationIntegrationTests {

	private static final String RESOURCE = McpSecurityIntegrationTests.RESOURCE;

	private static final String METADATA_URL = McpSecurityIntegrationTests.METADATA_URL;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private String issuer;

	private ConfigurableApplicationContext mcp;

	private WebTestClient client;

	@BeforeAll
	void start() {
		this.issuer = "http://localhost" + ":" + port(startAuthorizationServer());
		this.mcp = start(new SpringApplicationBuilder(McpApp.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "mcp.server.security.resource=" + RESOURCE,
					"mcp.server.security.required-scopes=mcp:read", "test.issuer=" + this.issuer));
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port(this.mcp))
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}

	@AfterAll
	void stop() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void applicationJwtDecoderBeanSwitchesSecurityOn() {
		post(null, null, initialize()).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer resource_metadata=\"" + METADATA_URL + "\"");
	}

	@Test
	void requestWithoutTheRequiredScopeIsForbiddenWithStepUpChallengeAndAudited() {
		String token = token("scopeless-client", "other:read");
		post(token, null, initialize()).expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", "
					+ "scope=\"mcp:read other:read\", resource_metadata=\"" + METADATA_URL + "\"");
		AuditEvent event = lastAuditEvent("scopeless-client", "initialize");
		assertThat(event.getData()).containsEntry("method", "initialize")
			.containsEntry("requiredScopes", List.of("mcp:read"))
			.containsEntry("reason", "insufficient_scope");
	}

	@Test
	void preAuthorizeRefusalNamingAScopeIsForbiddenWithStepUpChallengeAndAudited() {
		String token = token("narrow-client", "mcp:read");
		String session = initializeSession(token);
		post(token, session, request("tools/call", "{\"name\":\"admin\",\"arguments\":{}}")).expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"insufficient_scope\", " + "scope=\"mcp:admin mcp:read\", resource_metadata=\""
							+ METADATA_URL + "\"")
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(1);
		AuditEvent event = lastAuditEvent("narrow-client", "tools/call");
		assertThat(event.getData()).containsEntry("method", "tools/call")
			.containsEntry("target", "admin")
			.containsEntry("requiredScopes", List.of("mcp:admin"));
	}

	@Test
	void preAuthorizeRefusalOfAPromptIsForbiddenWithStepUpChallenge() {
		String token = token("narrow-client", "mcp:read");
		String session = initializeSession(token);
		post(token, session, request("prompts/get", "{\"name\":\"secrets\"}")).expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", "
					+ "scope=\"mcp:admin mcp:read\", resource_metadata=\"" + METADATA_URL + "\"");
	}

	@Test
	void preAuthorizeRefusalWithoutScopeIsAClearErrorAndAudited() {
		String token = token("mcp-client", "mcp:read mcp:admin");
		String session = initializeSession(token);
		post(token, session, request("tools/call", "{\"name\":\"boss\",\"arguments\":{}}")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo(-32600)
			.jsonPath("$.error.message")
			.isEqualTo("Access denied");
		assertThat(lastAuditEvent("mcp-client", "tools/call").getData()).containsEntry("reason", "access_denied");
	}

	@Test
	void preAuthorizeGrantsACallerWithTheScope() {
		String token = token("mcp-client", "mcp:read mcp:admin");
		String session = initializeSession(token);
		post(token, session, request("tools/call", "{\"name\":\"admin\",\"arguments\":{}}")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result.content[0].text")
			.isEqualTo("done");
	}

	private AuditEvent lastAuditEvent(String principal, String method) {
		List<AuditEvent> events = this.mcp.getBean(AuditEventRepository.class)
			.find(principal, null, AccessDeniedListener.AUDIT_EVENT_TYPE)
			.stream()
			.filter((event) -> method.equals(event.getData().get("method")))
			.toList();
		assertThat(events).isNotEmpty();
		return events.get(events.size() - 1);
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

	private static String initialize() {
		return request("initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
				+ "\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}");
	}

	private static String request(String method, String params) {
		return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
	}

	@SuppressWarnings("unchecked")
	private String token(String clientId, String scope) {
		Map<String, Object> response = WebClient.create(this.issuer)
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

	private ConfigurableApplicationContext startAuthorizationServer() {
		List<String> properties = new ArrayList<>(List.of("server.port=0", "mcp.server.enabled=false"));
		client(properties, "mcp-client", "mcp:read,mcp:admin");
		client(properties, "narrow-client", "mcp:read");
		client(properties, "scopeless-client", "other:read");
		return start(new SpringApplicationBuilder(McpSecurityIntegrationTests.AuthorizationServerApp.class)
			.web(WebApplicationType.SERVLET)
			.properties(properties.toArray(String[]::new)));
	}

	private static void client(List<String> properties, String id, String scopes) {
		String prefix = "spring.security.oauth2.authorizationserver.client." + id + ".";
		properties.add(prefix + "registration.client-id=" + id);
		properties.add(prefix + "registration.client-secret={noop}secret-of-" + id);
		properties.add(prefix + "registration.client-authentication-methods=client_secret_basic");
		properties.add(prefix + "registration.authorization-grant-types=client_credentials");
		properties.add(prefix + "registration.scopes=" + scopes);
	}

	private ConfigurableApplicationContext start(SpringApplicationBuilder builder) {
		ConfigurableApplicationContext context = builder.run();
		this.contexts.add(context);
		return context;
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableReactiveMethodSecurity
	static class McpApp {

		/**
		 * The application's own decoder, with no resource server property: security must
		 * switch on because of the bean.
		 */
		@Bean
		ReactiveJwtDecoder jwtDecoder(org.springframework.core.env.Environment environment) {
			return NimbusReactiveJwtDecoder.withIssuerLocation(environment.getRequiredProperty("test.issuer")).build();
		}

		@Bean
		InMemoryAuditEventRepository auditEventRepository() {
			return new InMemoryAuditEventRepository();
		}

		@Bean
		GuardedTools guardedTools() {
			return new GuardedTools();
		}

	}

	static class GuardedTools {

		@McpTool(description = "Administer")
		@PreAuthorize("hasAuthority('SCOPE_mcp:admin')")
		public Mono<String> admin() {
			return Mono.just("done");
		}

		@McpTool(description = "For the boss only")
		@PreAuthorize("hasRole('BOSS')")
		public Mono<String> boss() {
			return Mono.just("yes, boss");
		}

		@McpPrompt(description = "Secret prompt")
		@PreAuthorize("hasAuthority('SCOPE_mcp:admin')")
		public Mono<String> secrets() {
			return Mono.just("The secrets");
		}

	}

}
