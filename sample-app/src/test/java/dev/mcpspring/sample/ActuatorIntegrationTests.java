package dev.mcpspring.sample;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the probes and the {@code mcp} endpoint of the sample app.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ActuatorIntegrationTests {

	@LocalServerPort
	private int port;

	// issue 14.5: health details only to authorized users outside the demo profile
	@Test
	void readinessHidesDetailsFromAnonymousCallers() throws Exception {
		HttpResponse<String> response = new McpHttpScript(this.port).get("/actuator/health/readiness",
				"application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"")
			.doesNotContain("\"mcp\"")
			.doesNotContain("\"sessions\"")
			.doesNotContain("\"transports\"");
	}

	@Test
	void livenessIsUp() throws Exception {
		HttpResponse<String> response = new McpHttpScript(this.port).get("/actuator/health/liveness",
				"application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"").doesNotContain("\"mcp\"");
	}

	@Test
	void mcpEndpointListsToolsWithSchemas() throws Exception {
		HttpResponse<String> response = new McpHttpScript(this.port).get("/actuator/mcp", "application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"name\":\"search_books\"")
			.contains("\"inputSchema\"")
			.contains("\"outputSchema\"")
			.contains("\"resources\":")
			.contains("\"prompts\":");
	}

}
