package dev.mcpspring.autoconfigure.diagnostics;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InvalidMcpPropertyFailureAnalyzer}.
 */
class InvalidMcpPropertyFailureAnalyzerTests {

	@Test
	void describesValueAsWrittenWithItsOriginAndGivesTheAction() {
		StandardEnvironment environment = environment("mcp.server.limits.max-request-size", "3GB");
		FailureAnalysis analysis = new InvalidMcpPropertyFailureAnalyzer(environment)
			.analyze(new IllegalStateException("wrapped",
					new InvalidMcpPropertyException("mcp.server.limits.max-request-size", DataSize.ofGigabytes(3),
							"must be at least 1B and below 2GB",
							"Set mcp.server.limits.max-request-size to a size such as 4MB.")));
		assertThat(analysis.getDescription()).isEqualTo("Invalid value '3GB' for configuration property "
				+ "'mcp.server.limits.max-request-size' (from class path resource [application.properties] - 3:1): "
				+ "must be at least 1B and below 2GB.");
		assertThat(analysis.getAction()).isEqualTo("Set mcp.server.limits.max-request-size to a size such as 4MB.");
	}

	@Test
	void neverShowsASecretValue() {
		StandardEnvironment environment = environment("mcp.server.stateless.request-state-keys.k1", "not-base64!");
		FailureAnalysis analysis = new InvalidMcpPropertyFailureAnalyzer(environment)
			.analyze(new InvalidMcpPropertyException("mcp.server.stateless.request-state-keys.k1", null,
					"must be Base64", "Set it to a random secret."));
		assertThat(analysis.getDescription())
			.isEqualTo("Invalid configuration property 'mcp.server.stateless.request-state-keys.k1' "
					+ "(from class path resource [application.properties] - 3:1): must be Base64.")
			.doesNotContain("not-base64!");
	}

	@Test
	void describesAMissingPropertyWithoutOrigin() {
		FailureAnalysis analysis = new InvalidMcpPropertyFailureAnalyzer(new StandardEnvironment())
			.analyze(new InvalidMcpPropertyException("mcp.server.security.resource", null,
					"must be set to the canonical URI of this MCP server when MCP security is on",
					"Set mcp.server.security.resource to the URI clients connect to."));
		assertThat(analysis.getDescription())
			.isEqualTo("Invalid configuration property 'mcp.server.security.resource': "
					+ "must be set to the canonical URI of this MCP server when MCP security is on.");
		assertThat(analysis.getAction()).isEqualTo("Set mcp.server.security.resource to the URI clients connect to.");
	}

	private static StandardEnvironment environment(String property, String value) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new OriginTrackedMapPropertySource("app", Map.of(property,
					OriginTrackedValue.of(value, new TextResourceOrigin(new ClassPathResource("application.properties"),
							new TextResourceOrigin.Location(2, 0))))));
		return environment;
	}

}
