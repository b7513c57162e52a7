package dev.mcpspring.observation;

import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.model.ProtocolVersions;
import dev.mcpspring.observation.McpObservationDocumentation.LowCardinalityKeyNames;
import dev.mcpspring.server.McpRequest;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultMcpServerObservationConvention}.
 */
class DefaultMcpServerObservationConventionTests {

	private final DefaultMcpServerObservationConvention convention = new DefaultMcpServerObservationConvention();

	// issue 13: every request allocated and sorted its tag set, twice
	@Test
	void tagSetIsBuiltOnceForTheSameValues() {
		KeyValues first = this.convention.getLowCardinalityKeyValues(toolCall(1, "echo"));
		KeyValues second = this.convention.getLowCardinalityKeyValues(toolCall(2, "echo"));
		assertThat(second).isSameAs(first);
		assertThat(second).contains(KeyValue.of("gen_ai.tool.name", "echo"), KeyValue.of("error.type", "none"));
	}

	@Test
	void differentValuesGetTheirOwnTagSet() {
		McpServerObservationContext failed = toolCall(2, "echo");
		failed.setErrorType("tool_error");
		KeyValues success = this.convention.getLowCardinalityKeyValues(toolCall(1, "echo"));
		KeyValues error = this.convention.getLowCardinalityKeyValues(failed);
		assertThat(error).isNotSameAs(success).contains(KeyValue.of("error.type", "tool_error"));
		assertThat(this.convention.getLowCardinalityKeyValues(toolCall(3, "other")))
			.contains(KeyValue.of("gen_ai.tool.name", "other"));
	}

	@Test
	void subclassThatOverridesATagMethodIsNotServedFromTheCache() {
		DefaultMcpServerObservationConvention custom = new DefaultMcpServerObservationConvention() {

			private int calls;

			@Override
			protected KeyValue toolName(McpServerObservationContext context) {
				return LowCardinalityKeyNames.TOOL_NAME.withValue("call-" + (++this.calls));
			}

		};
		custom.getLowCardinalityKeyValues(toolCall(1, "echo"));
		assertThat(custom.getLowCardinalityKeyValues(toolCall(2, "echo")))
			.contains(KeyValue.of("gen_ai.tool.name", "call-2"));
	}

	// issue 13: a client created a series per made-up method name
	@Test
	void methodThatNoRevisionDefinesIsUnknown() {
		McpServerObservationContext context = new McpServerObservationContext(
				request(1, "made/up-" + System.nanoTime()));
		assertThat(this.convention.getLowCardinalityKeyValues(context))
			.contains(KeyValue.of("mcp.method.name", "unknown"));
		assertThat(this.convention.getContextualName(context)).isEqualTo("unknown");
	}

	private static McpServerObservationContext toolCall(int id, String tool) {
		McpServerObservationContext context = new McpServerObservationContext(request(id, "tools/call"));
		context.setToolName(tool);
		return context;
	}

	private static McpRequest request(int id, String method) {
		return new McpRequest(new JsonRpcRequest(JsonNodeFactory.instance.numberNode(id), method, null), null,
				ProtocolVersions.LATEST);
	}

}
