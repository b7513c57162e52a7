package dev.mcpspring.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.server.ToolRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static dev.mcpspring.sample.BookshopExpectations.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tags and renames as the official TypeScript SDK (v1.x) client sees them: a tag excluded
 * by configuration hides its tools, a tool renamed by configuration is listed under its
 * new name, and a tag disabled at run time through the {@link ToolRegistry} bean sends
 * {@code notifications/tools/list_changed} and makes its tools unknown.
 *
 * @author MCP Spring Boot team
 */
@SpringBootTest(classes = TagsIntegrationTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mcp.server.tags.exclude=internal", "mcp.server.tools.rename.oldSearch=classic_search",
				"mcp.server.transport.streamable-http.response-mode=sse" })
class TagsIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void excludedAndRuntimeDisabledTagsHideToolsAndTellTheClient(@TempDir Path output)
			throws IOException, InterruptedException {
		JsonNode report = NodeClientScript.run("ts-sdk-v1-tags.mjs", output, Duration.ofSeconds(40),
				"http://localhost:" + this.port + "/mcp", "retire_beta");
		assertThat(report.path("before")).isEqualTo(JSON.readTree("""
				["beta_search", "classic_search", "retire_beta", "search"]"""));
		assertThat(report.path("called").get(0).asString()).isEqualTo("1 tool disabled");
		assertThat(report.path("listChanged").asBoolean()).isTrue();
		assertThat(report.path("after")).isEqualTo(JSON.readTree("""
				["classic_search", "retire_beta", "search"]"""));
		assertThat(report.path("disabledCall").path("code").asInt()).isEqualTo(-32602);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		@Bean
		Catalog catalog(ToolRegistry tools) {
			return new Catalog(tools);
		}

	}

	static class Catalog {

		private final ToolRegistry tools;

		Catalog(ToolRegistry tools) {
			this.tools = tools;
		}

		@McpTool(description = "Searches the catalogue")
		String search(String query) {
			return "found " + query;
		}

		@McpTool(name = "beta_search", description = "Searches with the new ranking", tags = "beta")
		String betaSearch(String query) {
			return "ranked " + query;
		}

		@McpTool(description = "Rebuilds the index", tags = "internal")
		String reindex() {
			return "reindexed";
		}

		@McpTool(description = "Searches the old way", tags = "legacy")
		String oldSearch(String query) {
			return "old " + query;
		}

		@McpTool(name = "retire_beta", description = "Withdraws the beta tools")
		String retireBeta() {
			return this.tools.setEnabledByTag("beta", false) + " tool disabled";
		}

	}

}
