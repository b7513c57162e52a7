package dev.mcpspring.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.Content;
import dev.mcpspring.model.Tool;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for tags, tag filters and replacements in {@link FeatureRegistry}.
 *
 * @author MCP Spring Boot team
 */
class FeatureRegistryTagsTests {

	private final ToolRegistry registry = new ToolRegistry();

	private final AtomicInteger changes = new AtomicInteger();

	FeatureRegistryTagsTests() {
		this.registry.addChangeListener(this.changes::incrementAndGet);
	}

	@Test
	void excludedTagsWinOverIncludedOnes() {
		TagFilter filter = new TagFilter(Set.of("public"), Set.of("beta"));
		assertThat(filter.allows(Set.of("public"))).isTrue();
		assertThat(filter.allows(Set.of("public", "beta"))).isFalse();
		assertThat(filter.allows(Set.of())).isFalse();
		assertThat(TagFilter.NONE.allows(Set.of())).isTrue();
		assertThat(new TagFilter(Set.of(), Set.of("beta")).allows(Set.of())).isTrue();
	}

	@Test
	void filterDecidesWhichFeaturesStartEnabledAndAppliesToThoseAlreadyRegistered() {
		this.registry.register(tool("early"), Set.of("internal"));
		this.registry.setTagFilter(new TagFilter(Set.of(), Set.of("internal")));
		this.registry.register(tool("late"), Set.of("internal"));
		this.registry.register(tool("plain"));
		assertThat(names()).containsExactly("plain");
		assertThat(this.registry.get("late")).isNull();
		assertThat(this.registry.setEnabled("late", true)).isTrue();
		assertThat(names()).containsExactly("late", "plain");
	}

	@Test
	void disablingATagHidesEveryToolWithItAndTellsListenersOnce() {
		this.registry.register(tool("a"), Set.of("beta"));
		this.registry.register(tool("b"), Set.of("beta", "search"));
		this.registry.register(tool("c"), Set.of("search"));
		int before = this.changes.get();
		assertThat(this.registry.setEnabledByTag("beta", false)).isEqualTo(2);
		assertThat(this.changes.get()).isEqualTo(before + 1);
		assertThat(names()).containsExactly("c");
		assertThat(this.registry.setEnabledByTag("beta", false)).isEqualTo(2);
		assertThat(this.changes.get()).as("no change, no notification").isEqualTo(before + 1);
		assertThat(this.registry.setEnabledByTag("beta", true)).isEqualTo(2);
		assertThat(names()).containsExactly("a", "b", "c");
		assertThat(this.registry.setEnabledByTag("unknown", false)).isZero();
	}

	@Test
	void replacementKeepsTagsAndEnablementAndReportsTheRename() {
		List<String> renames = new ArrayList<>();
		this.registry.addRenameListener((from, to) -> renames.add(from + "->" + to));
		this.registry.register(tool("old"), Set.of("beta"));
		this.registry.setEnabled("old", false);
		ToolHandler renamed = this.registry.replace("old", (tool) -> ToolTransform.of(tool).name("new").build());
		assertThat(renamed.getTool().name()).isEqualTo("new");
		assertThat(renames).containsExactly("old->new");
		assertThat(this.registry.getTags("new")).containsExactly("beta");
		assertThat(this.registry.get("new")).as("still disabled").isNull();
		assertThat(this.registry.setEnabled("old", true)).as("old name gone").isFalse();
		assertThat(this.registry.replace("missing", (tool) -> tool)).isNull();
	}

	@Test
	void replacementCannotTakeAnotherToolsNameOrAnInvalidOne() {
		this.registry.register(tool("a"));
		this.registry.register(tool("b"));
		assertThatIllegalStateException()
			.isThrownBy(() -> this.registry.replace("a", (tool) -> ToolTransform.of(tool).name("b").build()));
		assertThatIllegalStateException()
			.isThrownBy(() -> this.registry.replace("a", (tool) -> ToolTransform.of(tool).name("no spaces").build()));
		assertThat(names()).containsExactly("a", "b");
	}

	private List<String> names() {
		return this.registry.getTools().stream().map(Tool::name).toList();
	}

	static ToolHandler tool(String name) {
		Tool tool = new Tool(name, null, null, JsonNodeFactory.instance.objectNode().put("type", "object"), null, null,
				null, null, null);
		return new ToolHandler() {

			@Override
			public Tool getTool() {
				return tool;
			}

			@Override
			public Mono<CallToolResult> call(ToolCall call) {
				return Mono.just(CallToolResult.of(Content.text(name + " " + call.arguments())));
			}

		};
	}

}
