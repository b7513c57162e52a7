package dev.mcpspring.autoconfigure;

import dev.mcpspring.annotation.McpPrompt;
import dev.mcpspring.annotation.McpResource;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.server.PromptRegistry;
import dev.mcpspring.server.ResourceRegistry;
import dev.mcpspring.server.ToolRegistry;
import dev.mcpspring.server.ToolTransform;
import dev.mcpspring.server.scope.McpScopeRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for tags and tool renames configured with {@code mcp.server.tags.*} and
 * {@code mcp.server.tools.rename}.
 *
 * @author MCP Spring Boot team
 */
class McpFeatureTagsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ValidationAutoConfiguration.class,
				McpServerAutoConfiguration.class))
		.withBean(Features.class);

	@Test
	void everyFeatureIsEnabledByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(ToolRegistry.class).get("report")).isNotNull();
			assertThat(context.getBean(PromptRegistry.class).get("draft")).isNotNull();
			assertThat(context.getBean(ResourceRegistry.class).resolve("memo://audit")).isNotNull();
		});
	}

	@Test
	void excludedTagDisablesToolsPromptsAndResourcesUntilEnabledAgain() {
		this.contextRunner.withPropertyValues("mcp.server.tags.exclude=internal").run((context) -> {
			ToolRegistry tools = context.getBean(ToolRegistry.class);
			assertThat(tools.get("report")).isNull();
			assertThat(tools.get("greet")).isNotNull();
			assertThat(context.getBean(PromptRegistry.class).get("draft")).isNull();
			assertThat(context.getBean(ResourceRegistry.class).resolve("memo://audit")).isNull();
			assertThat(tools.setEnabledByTag("internal", true)).isEqualTo(1);
			assertThat(tools.get("report")).isNotNull();
		});
	}

	@Test
	void includedTagsLeaveOnlyTheirFeaturesEnabled() {
		this.contextRunner.withPropertyValues("mcp.server.tags.include=public").run((context) -> {
			ToolRegistry tools = context.getBean(ToolRegistry.class);
			assertThat(tools.get("greet")).isNotNull();
			assertThat(tools.get("report")).isNull();
			assertThat(tools.get("untagged")).isNull();
		});
	}

	@Test
	void renamedToolKeepsItsScopes() {
		this.contextRunner.withPropertyValues("mcp.server.tools.rename.report=audit_report").run((context) -> {
			ToolRegistry tools = context.getBean(ToolRegistry.class);
			assertThat(tools.get("report")).isNull();
			assertThat(tools.get("audit_report")).isNotNull();
			McpScopeRegistry scopes = context.getBean(McpScopeRegistry.class);
			assertThat(scopes.getRequiredScopes(McpScopeRegistry.Kind.TOOL, "audit_report")).containsExactly("audit");
		});
	}

	@Test
	void toolRenamedAtRunTimeTakesItsScopesAlong() {
		this.contextRunner.run((context) -> {
			ToolRegistry tools = context.getBean(ToolRegistry.class);
			tools.replace("report", (tool) -> ToolTransform.of(tool).name("audit_report").build());
			McpScopeRegistry scopes = context.getBean(McpScopeRegistry.class);
			assertThat(scopes.getRequiredScopes(McpScopeRegistry.Kind.TOOL, "audit_report")).containsExactly("audit");
			assertThat(scopes.getRequiredScopes(McpScopeRegistry.Kind.TOOL, "report")).isEmpty();
		});
	}

	@Test
	void renameOfAnUnknownToolFailsStartup() {
		this.contextRunner.withPropertyValues("mcp.server.tools.rename.reprot=audit_report")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("No @McpTool is named 'reprot'")
				.hasMessageContaining("mcp.server.tools.rename"));
	}

	static class Features {

		@McpTool(tags = "public")
		String greet(String name) {
			return "Hello " + name;
		}

		@McpTool(tags = "internal", scopes = "audit")
		String report() {
			return "report";
		}

		@McpTool
		String untagged() {
			return "plain";
		}

		@McpPrompt(tags = "internal")
		String draft() {
			return "Draft a memo";
		}

		@McpResource(uri = "memo://audit", tags = "internal")
		String audit() {
			return "audit";
		}

	}

}
