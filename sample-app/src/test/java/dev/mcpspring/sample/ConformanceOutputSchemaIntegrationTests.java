package dev.mcpspring.sample;

import java.util.List;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The structured results of the {@code conformance} profile's tools match their output
 * schemas. Its tools all return text or content blocks today, so none advertises an
 * output schema; one that starts to must be added here.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("conformance")
class ConformanceOutputSchemaIntegrationTests extends AbstractOutputSchemaIntegrationTests {

	@Override
	protected String sampleArguments(String tool, McpHttpScript script) {
		return null;
	}

	@Override
	protected List<String> structuredTools() {
		return List.of();
	}

}
