package dev.mcpspring.sample;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.mcpspring.sample.BookshopExpectations.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls every tool of a profile that advertises an {@code outputSchema} and checks its
 * {@code structuredContent} against that schema with a JSON Schema 2020-12 validator, as
 * the official clients do before they hand a result over (gh-19). A tool that advertises
 * an output schema but has no sample arguments fails the test, so new tools cannot slip
 * through.
 */
abstract class AbstractOutputSchemaIntegrationTests {

	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	@LocalServerPort
	private int port;

	/**
	 * Return the arguments of a successful call of the given tool, as JSON, or
	 * {@code null} if the test has none.
	 * @param tool the tool name
	 * @param script the session, to prepare state the call needs
	 * @return the arguments
	 */
	protected abstract String sampleArguments(String tool, McpHttpScript script) throws Exception;

	/**
	 * Return the tools expected to advertise an output schema.
	 * @return the tool names
	 */
	protected abstract List<String> structuredTools();

	@Test
	void everyStructuredResultMatchesItsOutputSchema() throws Exception {
		McpHttpScript script = new McpHttpScript(this.port);
		script.initialize();
		JsonNode tools = body(script.request("tools/list", "{}")).at("/result/tools");
		List<String> checked = new ArrayList<>();
		for (JsonNode tool : tools) {
			JsonNode outputSchema = tool.get("outputSchema");
			if (outputSchema == null) {
				continue;
			}
			String name = tool.path("name").asString();
			String arguments = sampleArguments(name, script);
			assertThat(arguments).as("sample arguments for '%s', which has an output schema", name).isNotNull();
			JsonNode result = body(script.toolsCall(name, arguments)).path("result");
			assertThat(result.path("isError").asBoolean(false)).as("call of '%s': %s", name, result).isFalse();
			JsonNode structured = result.get("structuredContent");
			assertThat(structured).as("structuredContent of '%s': %s", name, result).isNotNull();
			assertValid(name, outputSchema, structured);
			checked.add(name);
		}
		assertThat(checked).containsExactlyInAnyOrderElementsOf(structuredTools());
	}

	static void assertValid(String tool, JsonNode outputSchema, JsonNode structuredContent) {
		Schema schema = SCHEMAS.getSchema(outputSchema);
		List<Error> errors = schema.validate(structuredContent);
		assertThat(errors)
			.as("structuredContent of '%s'%n  %s%ndoes not match its output schema%n  %s", tool, structuredContent,
					outputSchema)
			.isEmpty();
	}

	private static JsonNode body(HttpResponse<String> response) throws IOException {
		assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

}
