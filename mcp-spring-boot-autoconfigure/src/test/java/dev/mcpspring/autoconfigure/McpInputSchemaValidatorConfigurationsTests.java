package dev.mcpspring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.autoconfigure.diagnostics.MissingDependencyException;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.method.InputSchemaValidator;
import dev.mcpspring.method.support.NetworkntInputSchemaValidator;
import dev.mcpspring.model.ProtocolVersions;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpServerHandler;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpInputSchemaValidatorConfigurations}: hand-written input schemas are
 * enforced.
 *
 * @author MCP Spring Boot team
 */
class McpInputSchemaValidatorConfigurationsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, McpServerAutoConfiguration.class))
		.withBean(Tools.class);

	// issue 17: a hand-written inputSchema was advertised but not enforced
	@Test
	void argumentsAreValidatedAgainstAHandWrittenSchema() {
		this.contextRunner.run((context) -> {
			assertThat(context).getBean(InputSchemaValidator.class).isInstanceOf(NetworkntInputSchemaValidator.class);
			JsonNode result = callTool(context, "{\"name\": 42, \"extra\": true}");
			assertThat(result.path("isError").asBoolean()).as("%s", result).isTrue();
			assertThat(result.at("/content/0/text").asString()).isEqualTo("Invalid arguments for tool 'greet': "
					+ "name: integer found, string expected; arguments: property 'extra' is not defined in the schema "
					+ "and the schema does not allow additional properties");
		});
	}

	@Test
	void missingRequiredPropertyIsAToolError() {
		this.contextRunner.run((context) -> {
			JsonNode result = callTool(context, "{}");
			assertThat(result.path("isError").asBoolean()).as("%s", result).isTrue();
			assertThat(result.at("/content/0/text").asString())
				.isEqualTo("Invalid arguments for tool 'greet': arguments: required property 'name' not found");
		});
	}

	@Test
	void validArgumentsReachTheMethod() {
		this.contextRunner.run((context) -> {
			JsonNode result = callTool(context, "{\"name\": \"Ada\"}");
			assertThat(result.path("isError").asBoolean(false)).as("%s", result).isFalse();
			assertThat(result.at("/content/0/text").asString()).isEqualTo("Hello Ada");
		});
	}

	@Test
	void userValidatorBacksOff() {
		this.contextRunner.withBean(InputSchemaValidator.class, () -> (schema) -> (arguments) -> java.util.List.of())
			.run((context) -> assertThat(
					callTool(context, "{\"name\": \"Ada\", \"extra\": true}").at("/content/0/text").asString())
				.isEqualTo("Hello Ada"));
	}

	@Test
	void handWrittenSchemaWithoutTheValidatorFailsStartup() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("com.networknt.schema")).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MissingDependencyException.class)
				.hasMessage("@McpTool(inputSchema = ...) turns on the validation of tool arguments against "
						+ "hand-written schemas, which needs com.networknt:json-schema-validator on the classpath "
						+ "(missing com.networknt.schema.SchemaRegistry)");
			assertThat(context.getStartupFailure()).hasMessageContaining("greet");
		});
	}

	@Test
	void generatedSchemasNeedNoValidator() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, McpServerAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("com.networknt.schema"))
			.withBean(McpServerAutoConfigurationTests.Tools.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private static JsonNode callTool(AssertableApplicationContext context, String arguments) {
		assertThat(context).hasNotFailed();
		JsonRpcCodec codec = context.getBean(JsonRpcCodec.class);
		JsonRpcRequest request = (JsonRpcRequest) codec
			.decode(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
					+ "\"params\":{\"name\":\"greet\",\"arguments\":" + arguments + "}}")
				.getBytes(StandardCharsets.UTF_8));
		String json = context.getBean(McpServerHandler.class)
			.handle(new McpRequest(request, null, ProtocolVersions.LATEST))
			.map((response) -> codec.encodeToString(response.message()))
			.block(TIMEOUT);
		return JsonMapper.builder().build().readTree(json).path("result");
	}

	static class Tools {

		@McpTool(inputSchema = """
				{"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"],
				 "additionalProperties": false}""")
		String greet(String name) {
			return "Hello " + name;
		}

	}

}
