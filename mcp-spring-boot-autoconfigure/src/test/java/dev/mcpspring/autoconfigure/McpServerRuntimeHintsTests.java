package dev.mcpspring.autoconfigure;

import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.TextContent;
import dev.mcpspring.model.Tool;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpServerRuntimeHints}.
 *
 * @author MCP Spring Boot team
 */
class McpServerRuntimeHintsTests {

	@Test
	void protocolModelAndMessagesAreBound() throws Exception {
		RuntimeHints hints = new RuntimeHints();
		new McpServerRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onType(Tool.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Tool.class, "inputSchema")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(CallToolResult.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(TextContent.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(JsonRpcError.class)).accepts(hints);
	}

	@Test
	void registeredByTheAutoConfiguration() {
		assertThat(McpServerAutoConfiguration.class
			.getAnnotation(org.springframework.context.annotation.ImportRuntimeHints.class)
			.value()).contains(McpServerRuntimeHints.class);
	}

}
