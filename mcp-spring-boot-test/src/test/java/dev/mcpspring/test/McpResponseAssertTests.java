package dev.mcpspring.test;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The assertions fail when they should.
 */
class McpResponseAssertTests {

	private final JsonMapper jsonMapper = new JsonMapper();

	@Test
	void doesNotRevealFailsOnASecretAnywhereInTheResponse() {
		JsonNode response = this.jsonMapper.readTree(
				"""
						{"jsonrpc":"2.0","id":1,"error":{"code":-32603,"message":"Internal error","data":{"cause":"password=hunter2"}}}""");
		new McpResponseAssert(response).hasErrorCode(-32603).doesNotReveal("swordfish");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> new McpResponseAssert(response).doesNotReveal("hunter2"))
			.withMessageContaining("not to contain <hunter2>");
	}

	@Test
	void isSuccessFailsOnAnError() {
		JsonNode response = this.jsonMapper.readTree("""
				{"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"Unknown tool"}}""");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> new McpResponseAssert(response).isSuccess())
			.withMessageContaining("Unknown tool");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> new McpResponseAssert(response).hasErrorCode(-32601))
			.withMessageContaining("-32601");
	}

	@Test
	void structuredContentIsCheckedAgainstTheOutputSchema() {
		JsonNode response = this.jsonMapper.readTree("""
				{"jsonrpc":"2.0","id":1,"result":{"content":[],"structuredContent":{"length":"eleven"}}}""");
		JsonNode schema = this.jsonMapper.readTree("""
				{"type":"object","properties":{"length":{"type":"integer"}},"required":["length"]}""");
		ToolResultAssert result = new ToolResultAssert(response,
				(tool) -> (tools.jackson.databind.node.ObjectNode) schema, "greet");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(result::hasStructuredContentMatchingOutputSchema)
			.withMessageContaining("length");
	}

}
