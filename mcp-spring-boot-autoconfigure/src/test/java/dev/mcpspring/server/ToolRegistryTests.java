package dev.mcpspring.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.ListToolsResult;
import dev.mcpspring.model.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link ToolRegistry}.
 *
 * @author MCP Spring Boot team
 */
class ToolRegistryTests {

	private final ToolRegistry registry = new ToolRegistry();

	@Test
	void registerAndGet() {
		ToolHandler echo = tool("echo");
		this.registry.register(echo);
		assertThat(this.registry.get("echo")).isSameAs(echo);
		assertThat(this.registry.get("other")).isNull();
		assertThat(this.registry.getTools()).containsExactly(echo.getTool());
	}

	@Test
	void emptyRegistry() {
		assertThat(this.registry.getTools()).isEmpty();
		assertThat(this.registry.page(null, 10)).isEqualTo(new ListToolsResult(List.of(), null));
	}

	@Test
	void duplicateNameIsRejected() {
		ToolHandler first = tool("echo");
		this.registry.register(first);
		assertThatIllegalStateException().isThrownBy(() -> this.registry.register(tool("echo")))
			.withMessage("Duplicate tool name 'echo'");
		assertThat(this.registry.get("echo")).isSameAs(first);
		assertThat(this.registry.getTools()).hasSize(1);
	}

	@Test
	void namesAreCaseSensitive() {
		this.registry.register(tool("echo"));
		this.registry.register(tool("Echo"));
		assertThat(names(this.registry.getTools())).containsExactly("Echo", "echo");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "has space", "slash/name", "emoji\u263a", "colon:name", "comma,name", "at@name",
			"tab\tname" })
	void invalidNameIsRejected(String name) {
		assertThatIllegalStateException().isThrownBy(() -> this.registry.register(tool(name)))
			.withMessage("Invalid tool name '" + name + "': use 1 to 128 characters from A-Z a-z 0-9 _ - .");
		assertThat(this.registry.getTools()).isEmpty();
	}

	@Test
	void nameLongerThan128CharactersIsRejected() {
		String name = "a".repeat(129);
		assertThatIllegalStateException().isThrownBy(() -> this.registry.register(tool(name)))
			.withMessage("Invalid tool name '" + name + "': use 1 to 128 characters from A-Z a-z 0-9 _ - .");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a", "getUser", "DATA_EXPORT_v2", "admin.tools.list", "my-tool", "0", "._-" })
	void validNamesAreAccepted(String name) {
		assertThatNoException().isThrownBy(() -> this.registry.register(tool(name)));
		assertThat(this.registry.get(name)).isNotNull();
	}

	@Test
	void nameOf128CharactersIsAccepted() {
		String name = "b".repeat(128);
		this.registry.register(tool(name));
		assertThat(this.registry.get(name)).isNotNull();
	}

	@Test
	void toolsAreListedInNameOrderRegardlessOfRegistrationOrder() {
		for (String name : List.of("zeta", "alpha", "Mu", "beta", "_x", "1st")) {
			this.registry.register(tool(name));
		}
		assertThat(names(this.registry.getTools())).containsExactly("1st", "Mu", "_x", "alpha", "beta", "zeta");
		assertThat(names(this.registry.page(null, 100).tools())).containsExactly("1st", "Mu", "_x", "alpha", "beta",
				"zeta");
	}

	@Test
	void singlePageHasNoCursor() {
		registerTools(3);
		ListToolsResult page = this.registry.page(null, 3);
		assertThat(names(page.tools())).containsExactly("tool00", "tool01", "tool02");
		assertThat(page.nextCursor()).isNull();
	}

	@Test
	void paginatesAcrossAllPages() {
		registerTools(7);
		ListToolsResult first = this.registry.page(null, 3);
		assertThat(names(first.tools())).containsExactly("tool00", "tool01", "tool02");
		assertThat(first.nextCursor()).isNotNull();
		ListToolsResult second = this.registry.page(first.nextCursor(), 3);
		assertThat(names(second.tools())).containsExactly("tool03", "tool04", "tool05");
		assertThat(second.nextCursor()).isNotNull().isNotEqualTo(first.nextCursor());
		ListToolsResult third = this.registry.page(second.nextCursor(), 3);
		assertThat(names(third.tools())).containsExactly("tool06");
		assertThat(third.nextCursor()).isNull();
	}

	@Test
	void walkingAllPagesVisitsEveryToolOnce() {
		registerTools(25);
		List<String> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			ListToolsResult page = this.registry.page(cursor, 4);
			assertThat(page.tools()).hasSizeLessThanOrEqualTo(4).isNotEmpty();
			seen.addAll(names(page.tools()));
			cursor = page.nextCursor();
			pages++;
		}
		while (cursor != null);
		assertThat(pages).isEqualTo(7);
		assertThat(seen).isEqualTo(IntStream.range(0, 25).mapToObj((i) -> "tool%02d".formatted(i)).toList());
	}

	@Test
	void exactMultipleOfPageSizeEndsWithoutEmptyPage() {
		registerTools(4);
		ListToolsResult first = this.registry.page(null, 2);
		ListToolsResult second = this.registry.page(first.nextCursor(), 2);
		assertThat(names(second.tools())).containsExactly("tool02", "tool03");
		assertThat(second.nextCursor()).isNull();
	}

	@Test
	void pageSizeOfOne() {
		registerTools(2);
		ListToolsResult first = this.registry.page(null, 1);
		assertThat(names(first.tools())).containsExactly("tool00");
		ListToolsResult second = this.registry.page(first.nextCursor(), 1);
		assertThat(names(second.tools())).containsExactly("tool01");
		assertThat(second.nextCursor()).isNull();
	}

	@Test
	void cursorIsOpaqueUrlSafeText() {
		registerTools(3);
		String cursor = this.registry.page(null, 1).nextCursor();
		assertThat(cursor).matches("[A-Za-z0-9_-]+");
	}

	@Test
	void cursorStaysValidWhenItsToolIsRemoved() {
		registerTools(4);
		ListToolsResult first = this.registry.page(null, 2);
		assertThat(this.registry.remove("tool01")).isTrue();
		ListToolsResult second = this.registry.page(first.nextCursor(), 2);
		assertThat(names(second.tools())).containsExactly("tool02", "tool03");
		assertThat(second.nextCursor()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "not base64!", "%%%", "====" })
	void malformedCursorIsInvalidParams(String cursor) {
		registerTools(2);
		assertInvalidCursor(cursor);
	}

	@Test
	void foreignCursorIsInvalidParams() {
		registerTools(2);
		String foreign = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("page=2".getBytes(StandardCharsets.UTF_8));
		assertInvalidCursor(foreign);
		assertInvalidCursor("");
	}

	@Test
	void removeUnregistersTool() {
		this.registry.register(tool("a"));
		this.registry.register(tool("b"));
		assertThat(this.registry.remove("a")).isTrue();
		assertThat(this.registry.remove("a")).isFalse();
		assertThat(this.registry.remove("unknown")).isFalse();
		assertThat(this.registry.get("a")).isNull();
		assertThat(names(this.registry.getTools())).containsExactly("b");
	}

	@Test
	void removedNameCanBeRegisteredAgain() {
		this.registry.register(tool("a"));
		this.registry.remove("a");
		ToolHandler replacement = tool("a");
		this.registry.register(replacement);
		assertThat(this.registry.get("a")).isSameAs(replacement);
	}

	@Test
	void disabledToolIsHidden() {
		registerTools(3);
		assertThat(this.registry.setEnabled("tool01", false)).isTrue();
		assertThat(this.registry.get("tool01")).isNull();
		assertThat(names(this.registry.getTools())).containsExactly("tool00", "tool02");
		assertThat(names(this.registry.page(null, 10).tools())).containsExactly("tool00", "tool02");
		assertThat(this.registry.setEnabled("tool01", true)).isTrue();
		assertThat(this.registry.get("tool01")).isNotNull();
		assertThat(names(this.registry.getTools())).containsExactly("tool00", "tool01", "tool02");
	}

	@Test
	void disabledToolsAreSkippedAcrossPages() {
		registerTools(5);
		this.registry.setEnabled("tool01", false);
		this.registry.setEnabled("tool02", false);
		ListToolsResult first = this.registry.page(null, 2);
		assertThat(names(first.tools())).containsExactly("tool00", "tool03");
		ListToolsResult second = this.registry.page(first.nextCursor(), 2);
		assertThat(names(second.tools())).containsExactly("tool04");
		assertThat(second.nextCursor()).isNull();
	}

	@Test
	void disabledNameStaysTaken() {
		this.registry.register(tool("echo"));
		this.registry.setEnabled("echo", false);
		assertThatIllegalStateException().isThrownBy(() -> this.registry.register(tool("echo")))
			.withMessage("Duplicate tool name 'echo'");
	}

	@Test
	void setEnabledOfUnknownTool() {
		assertThat(this.registry.setEnabled("unknown", false)).isFalse();
	}

	@Test
	void isEmptyCountsEnabledToolsOnly() {
		assertThat(this.registry.isEmpty()).isTrue();
		this.registry.register(tool("a"));
		assertThat(this.registry.isEmpty()).isFalse();
		this.registry.setEnabled("a", false);
		assertThat(this.registry.isEmpty()).isTrue();
	}

	@Test
	void changeListenersHearEveryChange() {
		List<String> events = new ArrayList<>();
		this.registry.addChangeListener(() -> events.add("changed"));
		this.registry.register(tool("a"));
		assertThat(events).hasSize(1);
		this.registry.setEnabled("a", false);
		assertThat(events).hasSize(2);
		this.registry.setEnabled("a", false);
		assertThat(events).as("no change, no event").hasSize(2);
		this.registry.setEnabled("a", true);
		assertThat(events).hasSize(3);
		this.registry.remove("a");
		assertThat(events).hasSize(4);
		this.registry.remove("a");
		assertThat(events).as("nothing removed, no event").hasSize(4);
		assertThatIllegalStateException().isThrownBy(() -> this.registry.register(tool("bad name")));
		assertThat(events).as("rejected registration, no event").hasSize(4);
	}

	private void assertInvalidCursor(String cursor) {
		assertThatExceptionOfType(McpException.class).isThrownBy(() -> this.registry.page(cursor, 10))
			.satisfies((ex) -> assertThat(ex.getError()).isEqualTo(JsonRpcError.of(-32602, "Invalid cursor")));
	}

	private void registerTools(int count) {
		// register in reverse to show that order does not depend on registration
		for (int i = count - 1; i >= 0; i--) {
			this.registry.register(tool("tool%02d".formatted(i)));
		}
	}

	private static List<String> names(List<Tool> tools) {
		return tools.stream().map(Tool::name).toList();
	}

	static ToolHandler tool(String name) {
		Tool tool = new Tool(name, null, null, JsonNodeFactory.instance.objectNode().put("type", "object"), null, null,
				null, null);
		return new ToolHandler() {

			@Override
			public Tool getTool() {
				return tool;
			}

			@Override
			public Mono<CallToolResult> call(ToolCall call) {
				return Mono.just(CallToolResult.error("not called in these tests"));
			}

		};
	}

}
