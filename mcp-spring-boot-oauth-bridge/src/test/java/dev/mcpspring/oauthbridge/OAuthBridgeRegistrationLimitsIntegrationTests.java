package dev.mcpspring.oauthbridge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Open registration is bounded over HTTP: a cap on registered clients, and registrations
 * that expire and make room again.
 */
class OAuthBridgeRegistrationLimitsIntegrationTests {

	private static final String REGISTRATION = "{\"redirect_uris\":[\"http://127.0.0.1:9/callback\"],"
			+ "\"token_endpoint_auth_method\":\"none\"}";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private ConfigurableApplicationContext bridge;

	@AfterEach
	void stop() {
		if (this.bridge != null) {
			this.bridge.close();
		}
	}

	@Test
	void registrationsBeyondTheCapAreRefusedUntilOneExpires() throws Exception {
		this.bridge = new SpringApplicationBuilder(BridgeApp.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "server.address=127.0.0.1", "mcp.server.enabled=false",
					"mcp.oauth-bridge.enabled=true", "mcp.oauth-bridge.resources=https://mcp.example.test/mcp",
					"mcp.oauth-bridge.scopes=mcp:read", "mcp.oauth-bridge.registration.max-clients=1",
					"mcp.oauth-bridge.registration.time-to-live=5s",
					"spring.security.oauth2.client.registration.idp.client-id=bridge",
					"spring.security.oauth2.client.registration.idp.client-secret=secret",
					"spring.security.oauth2.client.registration.idp.authorization-grant-type=authorization_code",
					"spring.security.oauth2.client.registration.idp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
					"spring.security.oauth2.client.provider.idp.authorization-uri=http://127.0.0.1:9/authorize",
					"spring.security.oauth2.client.provider.idp.token-uri=http://127.0.0.1:9/token")
			.run();
		String registrationEndpoint = "http://127.0.0.1:"
				+ this.bridge.getEnvironment().getRequiredProperty("local.server.port") + "/oauth2/register";
		HttpResponse<String> first = register(registrationEndpoint);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		HttpResponse<String> second = register(registrationEndpoint);
		assertThat(second.statusCode()).isEqualTo(400);
		assertThat(json(second).path("error").asString()).isEqualTo("temporarily_unavailable");
		String expired = json(first).path("client_id").asString();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(register(registrationEndpoint).statusCode()).isEqualTo(201));
		ExpiringRegisteredClientRepository clients = this.bridge.getBean(ExpiringRegisteredClientRepository.class);
		assertThat(clients.findByClientId(expired)).isNull();
		assertThat(clients.size()).isOne();
	}

	private HttpResponse<String> register(String endpoint) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(endpoint))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofString(REGISTRATION))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.builder().build().readTree(response.body());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class BridgeApp {

	}

}
