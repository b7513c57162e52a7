package dev.mcpspring.autoconfigure.security;

import java.util.List;
import java.util.Map;

import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.autoconfigure.McpWebFluxAutoConfiguration;
import dev.mcpspring.autoconfigure.diagnostics.InvalidMcpPropertyException;
import dev.mcpspring.autoconfigure.diagnostics.McpDependencyCheckAutoConfiguration;
import dev.mcpspring.autoconfigure.diagnostics.MissingDependencyException;
import dev.mcpspring.security.AccessDeniedExceptionTranslator;
import dev.mcpspring.security.AuditingAccessDeniedListener;
import dev.mcpspring.security.ApiKeyAuthenticationManager;
import dev.mcpspring.security.AudienceValidatingOpaqueTokenIntrospector;
import dev.mcpspring.security.McpBearerTokenEntryPoint;
import dev.mcpspring.security.ProtectedResourceMetadata;
import dev.mcpspring.security.ScopeAuthorizationInterceptor;
import dev.mcpspring.security.ScopeFeatureFilter;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpSecurityAutoConfiguration}.
 */
class McpSecurityAutoConfigurationTests {

	private static final String KEY = "k3y-0f-the-ci-bot-0123456789";

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebFluxAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, McpServerAutoConfiguration.class, McpWebFluxAutoConfiguration.class,
				ReactiveWebSecurityAutoConfiguration.class, ReactiveUserDetailsServiceAutoConfiguration.class,
				ReactiveOAuth2ResourceServerAutoConfiguration.class,
				ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration.class, McpSecurityAutoConfiguration.class))
		.withBean(Tools.class);

	@Test
	void backsOffWithoutSecurityConfiguration() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ScopeFeatureFilter.class)
			.doesNotHaveBean(ProtectedResourceMetadata.class)
			.doesNotHaveBean(McpSecurityAutoConfiguration.FILTER_CHAIN_BEAN_NAME));
	}

	// issue 20.1: without Spring Security, API keys used to be ignored and /mcp served to
	// anyone
	@Test
	void apiKeysWithoutSpringSecurityFailStartup() {
		this.runner.withConfiguration(AutoConfigurations.of(McpDependencyCheckAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(SecurityWebFilterChain.class))
			.withPropertyValues("mcp.server.security.resource=https://mcp.example.test/mcp",
					"mcp.server.security.api-keys.ci.key=" + KEY)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(MissingDependencyException.class)
				.hasMessageContaining("org.springframework.boot:spring-boot-starter-security"));
	}

	@Test
	void backsOffWhenMcpServerDisabled() {
		this.runner
			.withPropertyValues("mcp.server.enabled=false", "mcp.server.security.resource=https://mcp.example.test/mcp",
					"mcp.server.security.api-keys.ci.key=" + KEY)
			.run((context) -> assertThat(context).doesNotHaveBean(ScopeFeatureFilter.class));
	}

	@Test
	void failsWithoutResource() {
		this.runner
			.withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://as.example.test/jwks")
			.run(failsOn("mcp.server.security.resource", null,
					"must be set to the canonical URI of this MCP server when MCP security is on"));
	}

	@Test
	void failsWithRelativeResource() {
		this.runner
			.withPropertyValues("mcp.server.security.resource=/mcp", "mcp.server.security.api-keys.ci.key=" + KEY)
			.run(failsOn("mcp.server.security.resource", "/mcp",
					"must be an absolute URI with a host and without fragment"));
	}

	@Test
	void failsWithInvalidAuthorizationServer() {
		this.runner
			.withPropertyValues("mcp.server.security.resource=https://mcp.example.test/mcp",
					"mcp.server.security.authorization-servers=auth.example.test",
					"mcp.server.security.api-keys.ci.key=" + KEY)
			.run(failsOn("mcp.server.security.authorization-servers[0]", "auth.example.test",
					"must be an absolute URI with a host"));
	}

	@Test
	void failsWithShortApiKeyWithoutShowingIt() {
		this.runner
			.withPropertyValues("mcp.server.security.resource=https://mcp.example.test/mcp",
					"mcp.server.security.api-keys.ci-bot.key=short-secret")
			.run((context) -> {
				failsOn("mcp.server.security.api-keys.ci-bot.key", null,
						"must be set to a secret of at least 16 characters")
					.accept(context);
				assertThat(context.getStartupFailure()).rootCause().hasMessageNotContaining("short-secret");
			});
	}

	@Test
	void failsWithInvalidApiKeyHeader() {
		this.runner
			.withPropertyValues("mcp.server.security.resource=https://mcp.example.test/mcp",
					"mcp.server.security.api-key-header=X API Key", "mcp.server.security.api-keys.ci.key=" + KEY)
			.run(failsOn("mcp.server.security.api-key-header", "X API Key", "must be an HTTP header name"));
	}

	// issue 20.2: API keys failed with TypeNotPresentException:
	// OAuth2ResourceServerProperties without the
	// OAuth 2 libraries; ApiKeysWithoutResourceServerIntegrationTests runs on a classpath
	// that lacks them
	@Test
	void apiKeysWorkWithoutOAuth2ResourceServerClasses() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebFluxAutoConfiguration.class,
					HttpHandlerAutoConfiguration.class, McpServerAutoConfiguration.class,
					McpWebFluxAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class,
					ReactiveUserDetailsServiceAutoConfiguration.class, McpSecurityAutoConfiguration.class,
					McpDependencyCheckAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.security.oauth2",
					"org.springframework.boot.security.oauth2"))
			.withBean(Tools.class)
			.withPropertyValues("mcp.server.security.resource=https://mcp.example.test/mcp",
					"mcp.server.security.api-keys.ci-bot.key=" + KEY)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(ResourceServerTokens.class);
				WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
				post(client, "X-Other", "none").expectStatus().isUnauthorized();
				post(client, "X-API-Key", KEY).expectStatus().isOk();
				post(client, HttpHeaders.AUTHORIZATION, "Bearer " + KEY).expectStatus().isOk();
			});
	}

	private static ContextConsumer<AssertableReactiveWebApplicationContext> failsOn(String property, Object value,
			String reason) {
		return (context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.isInstanceOfSatisfying(InvalidMcpPropertyException.class, (ex) -> {
				assertThat(ex.getProperty()).isEqualTo(property);
				assertThat(ex.getValue()).isEqualTo(value);
				assertThat(ex.getReason()).isEqualTo(reason);
			});
	}

	@Test
	void jwtConfigurationAddsAudienceValidatorAndMcpChain() {
		this.runner
			.withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://as.example.test/jwks",
					"mcp.server.security.resource=https://mcp.example.test/mcp")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(ProtectedResourceMetadata.class)
					.hasSingleBean(McpBearerTokenEntryPoint.class)
					.hasSingleBean(ScopeFeatureFilter.class)
					.hasSingleBean(ScopeAuthorizationInterceptor.class)
					.hasBean("mcpJwtAudienceValidator")
					.hasBean(McpSecurityAutoConfiguration.FILTER_CHAIN_BEAN_NAME)
					.doesNotHaveBean(ApiKeyAuthenticationManager.class);
				assertThat(context.getBean(ProtectedResourceMetadata.class).metadataUrl())
					.isEqualTo("https://mcp.example.test/.well-known/oauth-protected-resource/mcp");
			});
	}

	@Test
	void opaqueTokensAreIntrospectedForTheResourceAudience() {
		this.runner.withPropertyValues(
				"spring.security.oauth2.resourceserver.opaquetoken.introspection-uri=https://as.example.test/introspect",
				"spring.security.oauth2.resourceserver.opaquetoken.client-id=mcp",
				"spring.security.oauth2.resourceserver.opaquetoken.client-secret=secret",
				"mcp.server.security.resource=https://mcp.example.test/mcp")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasBean("mcpOpaqueTokens");
				assertThat(context.getBean(ReactiveOpaqueTokenIntrospector.class))
					.isInstanceOf(AudienceValidatingOpaqueTokenIntrospector.class);
			});
	}

	@Test
	void bootAudiencesReplaceResourceAudienceValidator() {
		this.runner
			.withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://as.example.test/jwks",
					"spring.security.oauth2.resourceserver.jwt.audiences=api://mcp",
					"mcp.server.security.resource=https://mcp.example.test/mcp")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("mcpJwtAudienceValidator"));
	}

	@Test
	void userFilterChainReplacesMcpChain() {
		this.runner
			.withPropertyValues("mcp.server.security.resource=https://mcp.example.test/mcp",
					"mcp.server.security.api-keys.ci.key=" + KEY)
			.withBean(McpSecurityAutoConfiguration.FILTER_CHAIN_BEAN_NAME, SecurityWebFilterChain.class,
					() -> new org.springframework.security.web.server.MatcherSecurityWebFilterChain((
							exchange) -> org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult
								.notMatch(),
							java.util.List.of((exchange, chain) -> chain.filter(exchange))))
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(McpSecurityAutoConfiguration.FILTER_CHAIN_BEAN_NAME, SecurityWebFilterChain.class)
				.satisfies((chain) -> assertThat(chain.getWebFilters().collectList().block()).hasSize(1)));
	}

	@Test
	void apiKeysAuthenticateWithHeaderOrBearerAndGrantScopes() {
		this.runner
			.withPropertyValues("mcp.server.security.resource=https://mcp.example.test/mcp",
					"mcp.server.security.api-keys.ci-bot.key=" + KEY, "mcp.server.security.api-keys.ci-bot.scopes=read",
					"mcp.server.security.tool-scopes.secret=admin")
			.run((context) -> {
				assertThat(context).hasSingleBean(ApiKeyAuthenticationManager.class);
				WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
				client.post()
					.uri("/mcp")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(INITIALIZE)
					.exchange()
					.expectStatus()
					.isUnauthorized()
					.expectHeader()
					.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer resource_metadata="
							+ "\"https://mcp.example.test/.well-known/oauth-protected-resource/mcp\"");
				post(client, "X-API-Key", "wrong-key-of-some-length").expectStatus()
					.isUnauthorized()
					.expectHeader()
					.value(HttpHeaders.WWW_AUTHENTICATE,
							(value) -> assertThat(value).startsWith("Bearer error=\"invalid_token\""));
				post(client, "X-API-Key", KEY).expectStatus().isOk().expectHeader().exists("Mcp-Session-Id");
				post(client, HttpHeaders.AUTHORIZATION, "Bearer " + KEY).expectStatus().isOk();
				client.get()
					.uri("/.well-known/oauth-protected-resource")
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.jsonPath("$.resource")
					.isEqualTo("https://mcp.example.test/mcp");
			});
	}

	@Test
	void applicationJwtDecoderBeanSwitchesSecurityOn() {
		this.runner.withPropertyValues("mcp.server.security.resource=https://mcp.example.test/mcp")
			.withBean(ReactiveJwtDecoder.class, RejectingJwtDecoder::new)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean(McpSecurityAutoConfiguration.FILTER_CHAIN_BEAN_NAME)
				.hasSingleBean(ScopeAuthorizationInterceptor.class)
				.hasSingleBean(AccessDeniedExceptionTranslator.class)
				.doesNotHaveBean(AuditingAccessDeniedListener.class));
	}

	@Test
	void applicationJwtDecoderIsHeldToTheResourceAudience() {
		this.runner.withPropertyValues("mcp.server.security.resource=https://mcp.example.test/mcp")
			.withBean(ReactiveJwtDecoder.class, AudienceBlindJwtDecoder::new)
			.run((context) -> {
				WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
				post(client, HttpHeaders.AUTHORIZATION, "Bearer for-mcp").expectStatus().isOk();
				post(client, HttpHeaders.AUTHORIZATION, "Bearer for-other").expectStatus().isUnauthorized();
			});
	}

	@Test
	void applicationJwtDecoderIsHeldToBootsAudiencesWhenSet() {
		this.runner
			.withPropertyValues("mcp.server.security.resource=https://mcp.example.test/mcp",
					"spring.security.oauth2.resourceserver.jwt.audiences=api://mcp")
			.withBean(ReactiveJwtDecoder.class, AudienceBlindJwtDecoder::new)
			.run((context) -> {
				WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
				post(client, HttpHeaders.AUTHORIZATION, "Bearer for-api").expectStatus().isOk();
				post(client, HttpHeaders.AUTHORIZATION, "Bearer for-mcp").expectStatus().isUnauthorized();
			});
	}

	@Test
	void applicationOpaqueTokenIntrospectorBeanSwitchesSecurityOn() {
		this.runner.withPropertyValues("mcp.server.security.resource=https://mcp.example.test/mcp")
			.withBean(ReactiveOpaqueTokenIntrospector.class, RejectingIntrospector::new)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean(McpSecurityAutoConfiguration.FILTER_CHAIN_BEAN_NAME));
	}

	@Test
	void applicationAuthenticationManagerBeanSwitchesSecurityOnAndChecksBearerTokens() {
		this.runner
			.withPropertyValues("mcp.server.security.resource=https://mcp.example.test/mcp",
					"mcp.server.security.required-scopes=mcp:read")
			.withBean(ReactiveAuthenticationManager.class, GoodTokenAuthenticationManager::new)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasBean(McpSecurityAutoConfiguration.FILTER_CHAIN_BEAN_NAME);
				WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
				post(client, HttpHeaders.AUTHORIZATION, "Bearer good-token").expectStatus().isOk();
				post(client, HttpHeaders.AUTHORIZATION, "Bearer bad-token").expectStatus().isUnauthorized();
			});
	}

	@Test
	void auditEventRepositoryAddsAuditingListener() {
		this.runner
			.withPropertyValues("mcp.server.security.resource=https://mcp.example.test/mcp",
					"mcp.server.security.api-keys.ci.key=" + KEY)
			.withBean(InMemoryAuditEventRepository.class)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(AuditingAccessDeniedListener.class));
	}

	private static WebTestClient.ResponseSpec post(WebTestClient client, String header, String value) {
		return client.post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM)
			.header(header, value)
			.header(HttpHeaders.HOST, "localhost")
			.bodyValue(INITIALIZE)
			.exchange();
	}

	private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
			+ "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

	static class Tools {

		@McpTool(description = "Echo")
		String echo(String text) {
			return text;
		}

	}

	/**
	 * Nested, so that the test class loads without the OAuth 2 libraries.
	 */
	static class RejectingJwtDecoder implements ReactiveJwtDecoder {

		@Override
		public Mono<Jwt> decode(String token) {
			return Mono.error(new BadJwtException("bad"));
		}

	}

	/**
	 * Accepts any token {@code for-<name>}, issued for an audience it does not check.
	 */
	static class AudienceBlindJwtDecoder implements ReactiveJwtDecoder {

		private static final Map<String, String> AUDIENCES = Map.of("for-mcp", "https://mcp.example.test/mcp",
				"for-other", "https://other.example.test", "for-api", "api://mcp");

		@Override
		public Mono<Jwt> decode(String token) {
			return Mono.just(Jwt.withTokenValue(token)
				.header("alg", "RS256")
				.subject("alice")
				.audience(List.of(AUDIENCES.get(token)))
				.claim("scope", "mcp")
				.build());
		}

	}

	static class RejectingIntrospector implements ReactiveOpaqueTokenIntrospector {

		@Override
		public Mono<OAuth2AuthenticatedPrincipal> introspect(String token) {
			return Mono.error(new BadOpaqueTokenException("bad"));
		}

	}

	static class GoodTokenAuthenticationManager implements ReactiveAuthenticationManager {

		@Override
		public Mono<Authentication> authenticate(Authentication authentication) {
			String token = ((BearerTokenAuthenticationToken) authentication).getToken();
			return "good-token".equals(token)
					? Mono.just(new UsernamePasswordAuthenticationToken("alice", null,
							AuthorityUtils.createAuthorityList("SCOPE_mcp:read")))
					: Mono.error(new BadCredentialsException("bad token"));
		}

	}

}
