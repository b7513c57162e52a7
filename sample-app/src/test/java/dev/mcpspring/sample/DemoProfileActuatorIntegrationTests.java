package dev.mcpspring.sample;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code demo} profile of the sample app shows the health details, including the
 * {@code mcp} indicator's, to anyone (issue 14.5).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class DemoProfileActuatorIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void readinessShowsTheMcpIndicator() throws Exception {
		HttpResponse<String> response = new McpHttpScript(this.port).get("/actuator/health/readiness",
				"application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"")
			.contains("\"mcp\"")
			.contains("\"readinessState\"")
			.contains("\"transports\":[\"streamable-http\"]");
	}

}
