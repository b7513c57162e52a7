package dev.mcpspring.autoconfigure.security;

import dev.mcpspring.annotation.McpTool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys with only {@code spring-boot-starter-security}, as documented: this class runs
 * in its own Surefire execution whose classpath lacks every OAuth 2 library (see the
 * module's pom), a real application on a random port.
 */
@Tag("without-oauth2")
class ApiKeysWithoutResourceServerIntegrationTests {

	private static final String KEY = "k3y-0f-the-ci-bot-0123456789";

	private ConfigurableApplicationContext context;

	private WebTestClient client;

	@BeforeEach
	void start() {
		assertThat(ClassUtils.isPresent("org.springframework.security.oauth2.core.OAuth2Token", null))
			.as("the OAuth 2 libraries must be off the classpath of this test")
			.isFalse();
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(webApplicationType());
		this.context = application.run("--server.port=0", "--server.address=127.0.0.1",
				"--mcp.server.security.resource=https://mcp.example.test/mcp",
				"--mcp.server.security.api-keys.ci-bot.key=" + KEY);
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
	}

	/**
	 * The web stack of the application under test.
	 */
	WebApplicationType webApplicationType() {
		return WebApplicationType.REACTIVE;
	}

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
	}

	// issue 20.2: failed startup with TypeNotPresentException:
	// OAuth2ResourceServerProperties
	@Test
	void requestWithoutKeyIsUnauthorized() {
		initialize(null).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer resource_metadata=\"https://mcp.example.test/.well-known/oauth-protected-resource/mcp\"");
	}

	@Test
	void requestWithValidKeyIsServed() {
		initialize(KEY).expectStatus().isOk().expectHeader().exists("Mcp-Session-Id");
	}

	@Test
	void requestWithWrongKeyIsInvalidTokenWithoutEcho() {
		initialize("wrong-key-of-someone-else-0123").expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"invalid_token\", resource_metadata="
							+ "\"https://mcp.example.test/.well-known/oauth-protected-resource/mcp\"")
			.expectBody(String.class)
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Unauthorized\"}}");
	}

	@Test
	void protectedResourceMetadataNeedsNoKey() {
		this.client.get()
			.uri("/.well-known/oauth-protected-resource/mcp")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.resource")
			.isEqualTo("https://mcp.example.test/mcp");
	}

	private WebTestClient.ResponseSpec initialize(String key) {
		return this.client.post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM)
			.headers((headers) -> {
				if (key != null) {
					headers.set("X-API-Key", key);
				}
			})
			.bodyValue("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
					+ "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")
			.exchange();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Tools.class)
	static class App {

	}

	static class Tools {

		@McpTool(description = "Echo")
		String echo(String text) {
			return text;
		}

	}

}
