package dev.mcpspring.autoconfigure.openapi;

import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.autoconfigure.diagnostics.InvalidMcpPropertyException;
import dev.mcpspring.openapi.OpenApiDocumentLoader;
import dev.mcpspring.openapi.OpenApiToolFactory;
import dev.mcpspring.openapi.OpenApiToolRegistrar;
import dev.mcpspring.server.ToolRegistry;
import io.swagger.parser.OpenAPIParser;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpOpenApiAutoConfiguration}.
 *
 * @author MCP Spring Boot team
 */
class McpOpenApiAutoConfigurationTests {

	private static final String PETSTORE = "mcp.server.openapi.sources.petstore.";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, McpServerAutoConfiguration.class,
				McpOpenApiAutoConfiguration.class));

	private final ApplicationContextRunner withPetstore = this.contextRunner.withPropertyValues(
			PETSTORE + "location=classpath:openapi/petstore.yaml", PETSTORE + "base-url=http://127.0.0.1:1/api/v3",
			PETSTORE + "prefix=petstore_", PETSTORE + "include.tags=store");

	@Test
	void backsOffWithoutSources() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(OpenApiToolRegistrar.class)
			.doesNotHaveBean(McpOpenApiProperties.class));
	}

	@Test
	void registersTheOperationsOfEverySource() {
		this.withPetstore.run((context) -> {
			assertThat(context).hasSingleBean(OpenApiToolRegistrar.class)
				.hasSingleBean(OpenApiDocumentLoader.class)
				.hasSingleBean(OpenApiToolFactory.class);
			assertThat(context.getBean(ToolRegistry.class).getTools()).extracting((tool) -> tool.name())
				.containsExactlyInAnyOrder("petstore_getInventory", "petstore_placeOrder", "petstore_getOrderById",
						"petstore_deleteOrder");
			assertThat(context.getBean(ToolRegistry.class).getTags("petstore_getInventory")).containsExactly("store");
		});
	}

	@Test
	void backsOffWithoutSwaggerParser() {
		this.withPetstore.withClassLoader(new FilteredClassLoader(OpenAPIParser.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(OpenApiToolRegistrar.class));
	}

	@Test
	void backsOffWhenTheServerIsDisabled() {
		this.withPetstore.withPropertyValues("mcp.server.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(OpenApiToolRegistrar.class));
	}

	@Test
	void userRegistrarReplacesOurs() {
		this.withPetstore
			.withBean("customRegistrar", OpenApiToolRegistrar.class,
					() -> new OpenApiToolRegistrar(java.util.List.of(), new OpenApiDocumentLoader(),
							new OpenApiToolFactory(org.springframework.web.reactive.function.client.WebClient.create(),
									tools.jackson.databind.json.JsonMapper.builder().build()),
							new ToolRegistry()))
			.run((context) -> {
				assertThat(context).getBean(OpenApiToolRegistrar.class).isSameAs(context.getBean("customRegistrar"));
				assertThat(context.getBean(ToolRegistry.class).getTools()).isEmpty();
			});
	}

	@Test
	void sourceWithoutLocationFailsStartup() {
		this.contextRunner.withPropertyValues(PETSTORE + "base-url=http://127.0.0.1:1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidMcpPropertyException.class)
				.hasMessageContaining(PETSTORE + "location"));
	}

	@Test
	void unreadableDocumentFailsStartupNamingTheSource() {
		this.contextRunner.withPropertyValues(PETSTORE + "location=classpath:openapi/missing.yaml")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("OpenAPI document of source 'petstore' at classpath:openapi/missing.yaml"));
	}

	@Test
	void duplicateToolNameFailsStartup() {
		this.withPetstore
			.withPropertyValues("mcp.server.openapi.sources.again.location=classpath:openapi/petstore.yaml",
					"mcp.server.openapi.sources.again.base-url=http://127.0.0.1:1",
					"mcp.server.openapi.sources.again.prefix=petstore_")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining(
						"Cannot register the tools of OpenAPI source 'again': Duplicate tool name 'petstore_"));
	}

	@Test
	void credentialsBecomeHeaders() {
		McpOpenApiProperties properties = new McpOpenApiProperties();
		McpOpenApiProperties.Source source = new McpOpenApiProperties.Source();
		source.setLocation("classpath:openapi/petstore.yaml");
		source.getHeaders().put("X-Api-Key", "k");
		source.getBasic().setUsername("ada");
		source.getBasic().setPassword("secret");
		properties.getSources().put("petstore", source);
		assertThat(OpenApiSources.from(properties)).singleElement()
			.satisfies((mapped) -> assertThat(mapped.headers()).containsEntry("X-Api-Key", "k")
				.containsEntry("Authorization", "Basic YWRhOnNlY3JldA=="));
		source.setBearerToken("token");
		org.assertj.core.api.Assertions.assertThatExceptionOfType(InvalidMcpPropertyException.class)
			.isThrownBy(() -> OpenApiSources.from(properties))
			.withMessageContaining("bearer-token")
			.withMessageNotContaining("token\"");
	}

}
