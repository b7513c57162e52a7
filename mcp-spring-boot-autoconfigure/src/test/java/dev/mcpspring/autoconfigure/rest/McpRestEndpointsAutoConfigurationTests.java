package dev.mcpspring.autoconfigure.rest;

import java.util.List;

import dev.mcpspring.annotation.McpExposed;
import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.rest.EndpointSelection;
import dev.mcpspring.rest.RestEndpointToolDetector;
import dev.mcpspring.schema.DefaultJsonSchemaGenerator;
import dev.mcpspring.server.ResourceRegistry;
import dev.mcpspring.server.ToolRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpRestEndpointsAutoConfiguration}.
 *
 * @author MCP Spring Boot team
 */
class McpRestEndpointsAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebFluxAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, McpServerAutoConfiguration.class,
				McpRestEndpointsAutoConfiguration.class))
		.withBean(Controller.class);

	@Test
	void exposesAnnotatedAndIncludedEndpoints() {
		this.contextRunner.withPropertyValues("mcp.server.rest.include.paths=/plain/**").run((context) -> {
			assertThat(context).hasSingleBean(RestEndpointToolDetector.class);
			assertThat(context.getBean(ToolRegistry.class).getTools()).extracting((tool) -> tool.name())
				.containsExactlyInAnyOrder("exposed", "plain");
		});
	}

	@Test
	void onlyAnnotatedEndpointsWithoutIncludeRules() {
		this.contextRunner.run((context) -> assertThat(context.getBean(ToolRegistry.class).getTools())
			.extracting((tool) -> tool.name())
			.containsExactly("exposed"));
	}

	@Test
	void excludeWinsOverTheAnnotation() {
		this.contextRunner.withPropertyValues("mcp.server.rest.exclude.paths=/exposed/*")
			.run((context) -> assertThat(context.getBean(ToolRegistry.class).getTools()).isEmpty());
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("mcp.server.rest.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RestEndpointToolDetector.class));
	}

	@Test
	void backsOffWithoutWebFlux() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(RequestMappingHandlerMapping.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RestEndpointToolDetector.class));
	}

	@Test
	void backsOffOutsideReactiveWebApplications() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(McpServerAutoConfiguration.class, McpRestEndpointsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RestEndpointToolDetector.class));
	}

	@Test
	void userDetectorReplacesOurs() {
		this.contextRunner
			.withBean("customDetector", RestEndpointToolDetector.class,
					() -> new RestEndpointToolDetector(List::of, EndpointSelection.ANNOTATED_ONLY,
							new DefaultJsonSchemaGenerator(List.of()), new ToolRegistry(), new ResourceRegistry(),
							() -> null, JsonMapper.builder().build()))
			.run((context) -> {
				assertThat(context).getBean(RestEndpointToolDetector.class).isSameAs(context.getBean("customDetector"));
				assertThat(context.getBean(ToolRegistry.class).getTools()).isEmpty();
			});
	}

	@Test
	void duplicateToolNameFailsStartupNamingTheEndpoint() {
		this.contextRunner.withBean(Duplicate.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("as a tool: Duplicate tool name 'exposed'"));
	}

	@RestController
	static class Controller {

		@GetMapping("/exposed/{id}")
		@McpExposed
		String exposed(@PathVariable String id) {
			return id;
		}

		@GetMapping("/plain/hello")
		String plain() {
			return "hello";
		}

	}

	@RestController
	static class Duplicate {

		@GetMapping("/again")
		@McpExposed(name = "exposed")
		String again() {
			return "again";
		}

	}

}
