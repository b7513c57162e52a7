package dev.mcpspring.autoconfigure.diagnostics;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MissingDependencyFailureAnalyzer}.
 */
class MissingDependencyFailureAnalyzerTests {

	@Test
	void describesPropertyOriginFeatureAndMissingClasses() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new OriginTrackedMapPropertySource("app",
					Map.of("mcp.server.security.api-keys.ci.key",
							OriginTrackedValue.of("secret-key-0123456789",
									new TextResourceOrigin(new ClassPathResource("application.properties"),
											new TextResourceOrigin.Location(2, 0))))));
		FailureAnalysis analysis = new MissingDependencyFailureAnalyzer(environment)
			.analyze(new IllegalStateException("wrapped",
					new MissingDependencyException("mcp.server.security.api-keys.ci.key", "mcp.server.security",
							"MCP endpoint security",
							List.of("org.springframework.security.web.server.SecurityWebFilterChain"),
							List.of("org.springframework.boot:spring-boot-starter-security"))));
		assertThat(analysis.getDescription()).isEqualTo(String.format(
				"The property 'mcp.server.security.api-keys.ci.key' (from class path resource [application.properties] - 3:1) turns on MCP endpoint "
						+ "security, which needs classes that are not on the classpath:%n%n"
						+ "    org.springframework.security.web.server.SecurityWebFilterChain%n%n"
						+ "The MCP server does not start rather than run without MCP endpoint security."))
			.doesNotContain("secret-key-0123456789");
		assertThat(analysis.getAction()).isEqualTo("Add the dependency "
				+ "org.springframework.boot:spring-boot-starter-security to your build, or remove every "
				+ "mcp.server.security.* property.");
	}

	@Test
	void namesEveryDependencyToAdd() {
		FailureAnalysis analysis = new MissingDependencyFailureAnalyzer(null).analyze(
				new MissingDependencyException("mcp.server.limits.rate-limit.enabled", "the MCP request rate limit",
						List.of("com.github.benmanes.caffeine.cache.Caffeine", "io.github.bucket4j.Bucket"),
						List.of("com.bucket4j:bucket4j_jdk17-core", "com.github.ben-manes.caffeine:caffeine")));
		assertThat(analysis.getDescription()).startsWith(String.format(
				"The property 'mcp.server.limits.rate-limit.enabled' turns on the MCP request rate limit, which needs "
						+ "classes that are not on the classpath:%n%n    com.github.benmanes.caffeine.cache.Caffeine%n"
						+ "    io.github.bucket4j.Bucket%n"));
		assertThat(analysis.getAction()).isEqualTo("Add the dependencies com.bucket4j:bucket4j_jdk17-core and "
				+ "com.github.ben-manes.caffeine:caffeine to your build, or remove the property "
				+ "'mcp.server.limits.rate-limit.enabled'.");
	}

	@Test
	void namesTheCodeThatNeedsTheDependency() {
		FailureAnalysis analysis = new MissingDependencyFailureAnalyzer(null).analyze(MissingDependencyException
			.forUsage("@McpTool(inputSchema = ...)", "the validation of tool arguments against hand-written schemas",
					List.of("com.networknt.schema.SchemaRegistry"), List.of("com.networknt:json-schema-validator")));
		assertThat(analysis.getDescription()).isEqualTo(String
			.format("@McpTool(inputSchema = ...) turns on the validation of tool arguments against hand-written schemas, "
					+ "which needs classes that are not on the classpath:%n%n    com.networknt.schema.SchemaRegistry%n%n"
					+ "The MCP server does not start rather than run without the validation of tool arguments "
					+ "against hand-written schemas."));
		assertThat(analysis.getAction()).isEqualTo("Add the dependency com.networknt:json-schema-validator to your "
				+ "build, or remove @McpTool(inputSchema = ...).");
	}

}
