package dev.mcpspring.method.support;

import java.time.Duration;
import java.util.List;

import dev.mcpspring.annotation.McpResource;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.model.Tool;
import dev.mcpspring.server.ToolRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.mcpspring.method.support.AnnotatedMcpHandlerDetectorTests.assertCall;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AnnotatedMcpHandlerDetector} with what the signature and the
 * {@link McpTool} attributes of a method turn into: tool annotations, varargs.
 *
 * @author MCP Spring Boot team
 */
class AnnotatedMcpHandlerDetectorSignatureTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ApplicationContextRunner contextRunner = AnnotatedMcpHandlerDetectorTests.contextRunner();

	@Test // gh-19
	void onlyHintsThatDifferFromTheSpecDefaultsAreSent() {
		this.contextRunner.withBean(HintedTools.class).run((context) -> {
			assertThat(annotationsJson(context, "plain")).isEqualTo("null");
			assertThat(annotationsJson(context, "lookup")).isEqualTo("{\"readOnlyHint\":true}");
			assertThat(annotationsJson(context, "archive"))
				.isEqualTo("{\"destructiveHint\":false,\"idempotentHint\":true,\"openWorldHint\":false}");
		});
	}

	@Test // gh-19
	void varargsAreAnOptionalArray() {
		this.contextRunner.withBean(VarargsTools.class).run((context) -> {
			Tool tool = context.getBean(ToolRegistry.class).get("tag").getTool();
			assertThat(tool.inputSchema().toString()).isEqualTo("{\"type\":\"object\",\"properties\":{\"name\":"
					+ "{\"type\":\"string\"},\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},"
					+ "\"required\":[\"name\"]}");
			assertCall(context, "tag", "{\"name\":\"dune\"}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"dune []\"}]}");
			assertCall(context, "tag", "{\"name\":\"dune\",\"tags\":null}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"dune []\"}]}");
			assertCall(context, "tag", "{\"name\":\"dune\",\"tags\":[\"sf\",\"classic\"]}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"dune [sf, classic]\"}]}");
			assertCall(context, "sum", "{}", "{\"content\":[{\"type\":\"text\",\"text\":\"0\"}]}");
		});
	}

	@Test // gh-19
	void everyNullableAnnotationMakesAParameterOptional() {
		this.contextRunner.withBean(NullableTools.class).run((context) -> {
			Tool tool = context.getBean(ToolRegistry.class).get("nullables").getTool();
			assertThat(tool.inputSchema().has("required")).as("%s", tool.inputSchema()).isFalse();
			assertCall(context, "nullables", "{}", "{\"content\":[{\"type\":\"text\",\"text\":\"null null null\"}]}");
		});
	}

	@Test // gh-19
	void listVariablesOfResourceTemplatesBindToLists() {
		this.contextRunner.withBean(FileResources.class).run((context) -> {
			assertRead(context, "files://root/docs/a%2Fb/readme.md?tag=x&tag=y%20z",
					"files://root/docs/a%2Fb/readme.md?tag=x&tag=y%20z", "[docs, a/b, readme.md] [x, y z]");
			assertRead(context, "files://root/docs", "files://root/docs", "[docs] null");
			assertRead(context, "joined://root/docs/readme.md", "joined://root/docs/readme.md", "docs/readme.md");
			assertRead(context, "sizes://1,2,3", "sizes://1,2,3", "6");
		});
	}

	private static void assertRead(AssertableApplicationContext context, String uri, String expectedUri,
			String expectedText) {
		StepVerifier
			.create(AnnotatedMcpHandlerDetectorTests.request(context, "resources/read", "{\"uri\":\"" + uri + "\"}"))
			.expectNext("{\"contents\":[{\"uri\":\"" + expectedUri + "\",\"text\":\"" + expectedText + "\"}]}")
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	private static String annotationsJson(AssertableApplicationContext context, String name) {
		assertThat(context).hasNotFailed();
		return JSON.writeValueAsString(context.getBean(ToolRegistry.class).get(name).getTool().annotations());
	}

	static class HintedTools {

		@McpTool
		String plain() {
			return "plain";
		}

		@McpTool(readOnlyHint = true)
		String lookup() {
			return "lookup";
		}

		@McpTool(readOnlyHint = false, destructiveHint = false, idempotentHint = true, openWorldHint = false)
		String archive() {
			return "archive";
		}

	}

	static class NullableTools {

		@McpTool
		@SuppressWarnings("deprecation")
		String nullables(@Nullable String jspecify, @jakarta.annotation.Nullable String jakarta,
				@org.springframework.lang.Nullable String spring) {
			return jspecify + " " + jakarta + " " + spring;
		}

	}

	static class FileResources {

		@McpResource(uri = "files://root{/segments*}{?tag*}")
		String file(List<String> segments, @Nullable List<String> tag) {
			return segments + " " + tag;
		}

		@McpResource(uri = "joined://root{/path*}")
		String joined(String path) {
			return path;
		}

		@McpResource(uri = "sizes://{sizes}")
		String sizes(int[] sizes) {
			return String.valueOf(java.util.Arrays.stream(sizes).sum());
		}

	}

	static class VarargsTools {

		@McpTool
		String tag(String name, String... tags) {
			return name + " " + java.util.Arrays.toString(tags);
		}

		@McpTool
		String sum(int... values) {
			return String.valueOf(java.util.Arrays.stream(values).sum());
		}

	}

}
