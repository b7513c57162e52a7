package dev.mcpspring.method.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.TextContent;
import dev.mcpspring.schema.DefaultJsonSchemaGenerator;
import dev.mcpspring.schema.OutputSchema;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ToolResultConverter}.
 *
 * @author MCP Spring Boot team
 */
class ToolResultConverterTests {

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final ToolResultConverter converter = new ToolResultConverter(this.jsonMapper);

	private final DefaultJsonSchemaGenerator schemaGenerator = new DefaultJsonSchemaGenerator();

	@Test // gh-19
	void nullComponentsAreLeftOutOfStructuredContent() {
		OutputSchema schema = this.schemaGenerator.generateOutputSchema(Shipment.class);
		CallToolResult result = this.converter.convert(new Shipment("ORD-1", null, Optional.empty(), 2), schema);
		assertThat(result.structuredContent()).hasToString("{\"orderId\":\"ORD-1\",\"parcels\":2}");
		assertThat(((TextContent) result.content().get(0)).text()).isEqualTo("{\"orderId\":\"ORD-1\",\"parcels\":2}");
		assertThat(schema.schema().path("required").valueStream().map((name) -> name.asString()))
			.containsExactly("parcels");
	}

	@Test // gh-19
	void nullMapValuesAreLeftOutOfStructuredContent() {
		Map<String, @Nullable String> stock = new LinkedHashMap<>();
		stock.put("dune", "3");
		stock.put("hobbit", null);
		OutputSchema schema = this.schemaGenerator
			.generateOutputSchema(new ParameterizedTypeReference<Map<String, String>>() {
			}.getType());
		assertThat(this.converter.convert(stock, schema).structuredContent()).hasToString("{\"dune\":\"3\"}");
	}

	@Test // gh-19
	void nullComponentsOfNestedRecordsInListsAreLeftOut() {
		OutputSchema schema = this.schemaGenerator
			.generateOutputSchema(new ParameterizedTypeReference<List<Shipment>>() {
			}.getType());
		CallToolResult result = this.converter.convert(List.of(new Shipment("ORD-1", "TRK", Optional.of("note"), 1),
				new Shipment("ORD-2", null, Optional.empty(), 0)), schema);
		assertThat(result.structuredContent()).hasToString("{\"result\":[{\"orderId\":\"ORD-1\",\"trackingNumber\":"
				+ "\"TRK\",\"note\":\"note\",\"parcels\":1},{\"orderId\":\"ORD-2\",\"parcels\":0}]}");
	}

	@Test
	void emptyOptionalOfStructuredToolIsAToolError() {
		OutputSchema schema = this.schemaGenerator.generateOutputSchema(Shipment.class);
		CallToolResult result = this.converter.convert(Optional.empty(), schema);
		assertThat(result.isError()).isTrue();
		assertThat(((TextContent) result.content().get(0)).text()).isEqualTo("The tool returned no value");
	}

	record Shipment(String orderId, @Nullable String trackingNumber, Optional<String> note, int parcels) {

	}

}
