package dev.mcpspring.autoconfigure.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.mcpspring.annotation.McpTool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A Spring MVC application that declares its own {@link JwtDecoder} or
 * {@link OpaqueTokenIntrospector} bean, without any {@code spring.security.oauth2.*}
 * property: the MCP endpoint on Tomcat must be protected by it, as it is for the reactive
 * beans in a WebFlux application. Before the fix the endpoint answered without a token.
 */
class ServletApplicationTokenBeansIntegrationTests {

	private static final String RESOURCE = "https://mcp.example.test/mcp";

	private static final String GOOD_TOKEN = "good-token";

	/**
	 * Valid, but issued for another service: refused by the MCP endpoint even though the
	 * application's own decoder or introspector does not check the audience.
	 */
	private static final String OTHER_AUDIENCE_TOKEN = "token-for-another-service";

	private ConfigurableApplicationContext context;

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@ParameterizedTest
	@ValueSource(classes = { JwtDecoderConfiguration.class, OpaqueTokenConfiguration.class })
	void applicationTokenBeanProtectsTheMcpEndpoint(Class<?> tokenConfiguration) {
		WebTestClient client = start(tokenConfiguration);
		initialize(client, null).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer resource_metadata=\"https://mcp.example.test/.well-known/oauth-protected-resource/mcp\"");
		for (String refused : List.of("forged-token", OTHER_AUDIENCE_TOKEN)) {
			initialize(client, refused).expectStatus()
				.isUnauthorized()
				.expectBody(String.class)
				.isEqualTo(
						"{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Unauthorized\"}}");
		}
		initialize(client, GOOD_TOKEN).expectStatus().isOk().expectHeader().exists("Mcp-Session-Id");
	}

	private WebTestClient start(Class<?> tokenConfiguration) {
		SpringApplication application = new SpringApplication(App.class, tokenConfiguration);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		this.context = application.run("--server.port=0", "--server.address=127.0.0.1",
				"--mcp.server.security.resource=" + RESOURCE);
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
	}

	private static WebTestClient.ResponseSpec initialize(WebTestClient client, String token) {
		return client.post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM)
			.headers((headers) -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
			})
			.bodyValue("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
					+ "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")
			.exchange();
	}

	/**
	 * Without the Spring Authorization Server of the module's test classpath, whose own
	 * {@code JwtDecoder} would take the place of the application's introspector.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration(excludeName = {
			"org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
			"org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration" })
	@Import(Tools.class)
	static class App {

	}

	@Configuration(proxyBeanMethods = false)
	static class JwtDecoderConfiguration {

		@Bean
		JwtDecoder applicationJwtDecoder() {
			return (token) -> {
				if (!GOOD_TOKEN.equals(token) && !OTHER_AUDIENCE_TOKEN.equals(token)) {
					throw new BadJwtException("not one of ours");
				}
				return Jwt.withTokenValue(token)
					.header("alg", "RS256")
					.subject("alice")
					.audience(List.of(GOOD_TOKEN.equals(token) ? RESOURCE : "https://other.example.test"))
					.claim("scope", "mcp")
					.issuedAt(Instant.now())
					.expiresAt(Instant.now().plusSeconds(60))
					.build();
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OpaqueTokenConfiguration {

		@Bean
		OpaqueTokenIntrospector applicationIntrospector() {
			return (token) -> {
				if (!GOOD_TOKEN.equals(token) && !OTHER_AUDIENCE_TOKEN.equals(token)) {
					throw new BadOpaqueTokenException("not one of ours");
				}
				return new DefaultOAuth2AuthenticatedPrincipal("alice",
						Map.of("sub", "alice", "aud",
								List.of(GOOD_TOKEN.equals(token) ? RESOURCE : "https://other.example.test")),
						List.of(new SimpleGrantedAuthority("SCOPE_mcp")));
			};
		}

	}

	static class Tools {

		@McpTool(description = "Echo")
		String echo(String text) {
			return text;
		}

	}

}
