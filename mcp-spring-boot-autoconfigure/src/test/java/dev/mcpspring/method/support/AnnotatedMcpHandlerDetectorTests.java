package dev.mcpspring.method.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import dev.mcpspring.annotation.McpArg;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.annotation.NonBlocking;
import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.Content;
import dev.mcpspring.model.ImageContent;
import dev.mcpspring.model.ProtocolVersions;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpServerHandler;
import dev.mcpspring.server.ToolCallException;
import dev.mcpspring.server.ToolRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AnnotatedMcpHandlerDetector} and the invocation of the tools it
 * registers, on real beans in an application context: registration, argument and result
 * conversion, threads. Invalid arguments and invalid handler methods are in
 * {@link AnnotatedMcpHandlerDetectorValidationTests}.
 *
 * @author MCP Spring Boot team
 */
class AnnotatedMcpHandlerDetectorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ApplicationContextRunner contextRunner = contextRunner();

	static ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				ValidationAutoConfiguration.class, McpServerAutoConfiguration.class));
	}

	@Test
	void registersEveryAnnotatedMethod() {
		this.contextRunner.withBean(BasicTools.class).run((context) -> {
			assertThat(context).hasNotFailed();
			ToolRegistry registry = context.getBean(ToolRegistry.class);
			assertThat(registry.getTools()).extracting("name")
				.containsExactly("blockingThread", "contents", "count", "describe", "echo", "fail", "greet", "later",
						"letters", "monoEcho", "monoFail", "noop", "optionalResult", "order", "paint", "pixel", "price",
						"raw", "reactiveThread", "renamed");
			assertThat(registry.get("echo").getTool().description()).isEqualTo("Echo the text");
			assertThat(registry.get("renamed").getTool().title()).isEqualTo("Renamed tool");
		});
	}

	@Test
	void stringParameterAndResult() {
		this.contextRunner.withBean(BasicTools.class)
			.run((context) -> assertCall(context, "echo", "{\"text\":\"hi\"}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"echo hi\"}]}"));
	}

	@Test
	void toolNameFromAnnotation() {
		this.contextRunner.withBean(BasicTools.class).run((context) -> {
			assertThat(context.getBean(ToolRegistry.class).get("originalName")).isNull();
			assertCall(context, "renamed", "{}", "{\"content\":[{\"type\":\"text\",\"text\":\"renamed\"}]}");
		});
	}

	@Test
	void recordParameterAndStructuredResult() {
		this.contextRunner.withBean(BasicTools.class)
			.run((context) -> assertCall(context, "order", "{\"order\":{\"item\":\"book\",\"quantity\":2}}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"item\\\":\\\"book\\\",\\\"quantity\\\":3}\"}],"
							+ "\"structuredContent\":{\"item\":\"book\",\"quantity\":3}}"));
	}

	@Test
	void listParameterAndIntegerResultWrapped() {
		this.contextRunner.withBean(BasicTools.class)
			.run((context) -> assertCall(context, "count", "{\"items\":[\"a\",\"b\",\"c\"]}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"3\"}],\"structuredContent\":{\"result\":3}}"));
	}

	@Test
	void voidResultIsEmptyContent() {
		BasicTools tools = new BasicTools();
		this.contextRunner.withBean(BasicTools.class, () -> tools).run((context) -> {
			assertCall(context, "noop", "{\"text\":\"x\"}", "{\"content\":[]}");
			assertThat(tools.lastNoop.get()).isEqualTo("x");
		});
	}

	@Test
	void optionalParameter() {
		this.contextRunner.withBean(BasicTools.class).run((context) -> {
			assertCall(context, "greet", "{}", "{\"content\":[{\"type\":\"text\",\"text\":\"Hello stranger\"}]}");
			assertCall(context, "greet", "{\"name\":null}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"Hello stranger\"}]}");
			assertCall(context, "greet", "{\"name\":\"Ada\"}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"Hello Ada\"}]}");
		});
	}

	@Test
	void nullableParameter() {
		this.contextRunner.withBean(BasicTools.class).run((context) -> {
			assertCall(context, "describe", "{}", "{\"content\":[{\"type\":\"text\",\"text\":\"value=null\"}]}");
			assertCall(context, "describe", "{\"value\":\"v\"}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"value=v\"}]}");
		});
	}

	@Test
	void defaultValuedParameters() {
		this.contextRunner.withBean(BasicTools.class).run((context) -> {
			assertCall(context, "price", "{}", "{\"content\":[{\"type\":\"text\",\"text\":\"2 EUR\"}]}");
			assertCall(context, "price", "{\"quantity\":5,\"currency\":\"USD\"}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"5 USD\"}]}");
			assertCall(context, "price", "{\"quantity\":null}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"2 EUR\"}]}");
		});
	}

	@Test
	void monoResult() {
		this.contextRunner.withBean(BasicTools.class)
			.run((context) -> assertCall(context, "monoEcho", "{\"text\":\"hi\"}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"mono hi\"}]}"));
	}

	@Test
	void fluxResultIsCollected() {
		this.contextRunner.withBean(BasicTools.class)
			.run((context) -> assertCall(context, "letters", "{\"word\":\"abc\"}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"[\\\"a\\\",\\\"b\\\",\\\"c\\\"]\"}],"
							+ "\"structuredContent\":{\"result\":[\"a\",\"b\",\"c\"]}}"));
	}

	@Test
	void completableFutureResult() {
		this.contextRunner.withBean(BasicTools.class)
			.run((context) -> assertCall(context, "later", "{\"text\":\"hi\"}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"later hi\"}]}"));
	}

	@Test
	void imageContentResult() {
		this.contextRunner.withBean(BasicTools.class)
			.run((context) -> assertCall(context, "pixel", "{}",
					"{\"content\":[{\"type\":\"image\",\"data\":\"AQID\",\"mimeType\":\"image/png\"}]}"));
	}

	@Test
	void contentListResult() {
		this.contextRunner.withBean(BasicTools.class)
			.run((context) -> assertCall(context, "contents", "{}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"first\"},"
							+ "{\"type\":\"resource_link\",\"uri\":\"file:///notes.txt\",\"name\":\"notes.txt\"}]}"));
	}

	@Test
	void callToolResultIsSentAsItIs() {
		this.contextRunner.withBean(BasicTools.class)
			.run((context) -> assertCall(context, "raw", "{}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"raw\"}],\"isError\":true,\"_meta\":{\"k\":\"v\"}}"));
	}

	@Test
	void toolCallExceptionBecomesErrorResult() {
		this.contextRunner.withBean(BasicTools.class).run((context) -> {
			assertCall(context, "fail", "{}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"no luck\"}],\"isError\":true}");
			assertCall(context, "monoFail", "{}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"mono no luck\"}],\"isError\":true}");
		});
	}

	@Test
	void blockingMethodRunsOffTheCallingThread() {
		this.contextRunner.withBean(BasicTools.class).run((context) -> {
			String caller = Thread.currentThread().getName();
			String thread = callForText(context, "blockingThread", "{}");
			assertThat(thread).isNotEqualTo(caller).matches("boundedElastic-\\d+|mcp-tool-\\d*");
		});
	}

	@Test
	void nonBlockingMethodRunsOnTheCallingThread() {
		this.contextRunner.withBean(NonBlockingTools.class).run((context) -> {
			String caller = Thread.currentThread().getName();
			assertThat(callForText(context, "markedThread", "{}")).isEqualTo(caller);
			assertThat(callForText(context, "plainThread", "{}")).isNotEqualTo(caller);
		});
	}

	@Test
	void nonBlockingClassRunsEveryMethodOnTheCallingThread() {
		this.contextRunner.withBean(NonBlockingClassTools.class).run((context) -> {
			String caller = Thread.currentThread().getName();
			assertThat(callForText(context, "classThread", "{}")).isEqualTo(caller);
		});
	}

	@Test
	void reactiveMethodRunsOnTheSubscribingThread() {
		this.contextRunner.withBean(BasicTools.class).run((context) -> {
			String caller = Thread.currentThread().getName();
			assertThat(callForText(context, "reactiveThread", "{}")).isEqualTo(caller);
		});
	}

	@Test
	void optionalResultIsStructured() {
		this.contextRunner.withBean(BasicTools.class)
			.run((context) -> assertCall(context, "optionalResult", "{}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"\\\"found\\\"\"}],\"structuredContent\":{\"result\":\"found\"}}"));
	}

	@Test
	void nullResultOfStructuredToolConformsToOutputSchema() {
		this.contextRunner.withBean(NullReturningTools.class).run((context) -> {
			for (String tool : List.of("nullOrder", "nullList", "nullCount")) {
				assertConformsToOutputSchema(context, tool);
			}
		});
	}

	@Test
	void emptyOptionalResultConformsToOutputSchema() {
		this.contextRunner.withBean(NullReturningTools.class)
			.run((context) -> assertConformsToOutputSchema(context, "emptyOptional"));
	}

	/**
	 * A result conforms when it is an error, or when its structured content has every
	 * property the output schema requires, with a value of the declared type.
	 */
	private static void assertConformsToOutputSchema(AssertableApplicationContext context, String tool) {
		JsonMapper mapper = context.getBean(JsonRpcCodec.class).getJsonMapper();
		JsonNode outputSchema = context.getBean(ToolRegistry.class).get(tool).getTool().outputSchema();
		assertThat(outputSchema).as("outputSchema of %s", tool).isNotNull();
		StepVerifier.create(call(context, tool, "{}")).consumeNextWith((json) -> {
			JsonNode result = mapper.readTree(json);
			if (result.path("isError").asBoolean(false)) {
				return;
			}
			JsonNode structured = result.get("structuredContent");
			assertThat(structured).as("structuredContent of %s in %s", tool, json).isNotNull();
			assertThat(structured.isObject()).as("structuredContent of %s is an object", tool).isTrue();
			for (JsonNode required : outputSchema.path("required")) {
				String name = required.asString();
				JsonNode value = structured.get(name);
				assertThat(value).as("required property '%s' of %s in %s", name, tool, json).isNotNull();
				JsonNode type = outputSchema.path("properties").path(name).path("type");
				boolean nullAllowed = type.isMissingNode() || "null".equals(type.asString())
						|| (type.isArray() && type.valueStream().anyMatch((t) -> "null".equals(t.asString())));
				if (!nullAllowed) {
					assertThat(value.isNull()).as("null for property '%s' of type %s of %s", name, type, tool)
						.isFalse();
				}
			}
		}).expectComplete().verify(TIMEOUT);
	}

	private static String callForText(AssertableApplicationContext context, String tool, String arguments) {
		AtomicReference<String> text = new AtomicReference<>();
		StepVerifier.create(call(context, tool, arguments)).consumeNextWith((json) -> {
			JsonRpcCodec codec = context.getBean(JsonRpcCodec.class);
			text.set(codec.getJsonMapper().readTree(json).path("content").path(0).path("text").asString());
		}).expectComplete().verify(TIMEOUT);
		return text.get();
	}

	static void assertCall(AssertableApplicationContext context, String tool, String arguments, String expectedResult) {
		StepVerifier.create(call(context, tool, arguments)).expectNext(expectedResult).expectComplete().verify(TIMEOUT);
	}

	/**
	 * Call a tool through the server engine and return the JSON of its result.
	 */
	private static Mono<String> call(AssertableApplicationContext context, String tool, String arguments) {
		return request(context, "tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}");
	}

	/**
	 * Send a request through the server engine and return the JSON of its result.
	 */
	static Mono<String> request(AssertableApplicationContext context, String method, String params) {
		assertThat(context).hasNotFailed();
		JsonRpcCodec codec = context.getBean(JsonRpcCodec.class);
		String json = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
		JsonRpcRequest request = (JsonRpcRequest) codec.decode(json.getBytes(StandardCharsets.UTF_8));
		return context.getBean(McpServerHandler.class)
			.handle(new McpRequest(request, null, ProtocolVersions.LATEST))
			.map((response) -> {
				assertThat(response.message().error()).as("JSON-RPC error").isNull();
				return codec.getJsonMapper().writeValueAsString(response.message().result());
			});
	}

	enum Color {

		RED, GREEN

	}

	record Order(String item, int quantity) {

	}

	static class BasicTools {

		final AtomicReference<String> lastNoop = new AtomicReference<>();

		@McpTool(description = "Echo the text")
		String echo(String text) {
			return "echo " + text;
		}

		@McpTool(name = "renamed", title = "Renamed tool")
		String originalName() {
			return "renamed";
		}

		@McpTool
		Order order(Order order) {
			return new Order(order.item(), order.quantity() + 1);
		}

		@McpTool
		int count(List<String> items) {
			return items.size();
		}

		@McpTool
		void noop(String text) {
			this.lastNoop.set(text);
		}

		@McpTool
		String greet(Optional<String> name) {
			return "Hello " + name.orElse("stranger");
		}

		@McpTool
		String describe(@Nullable String value) {
			return "value=" + value;
		}

		@McpTool
		String price(@McpArg(defaultValue = "2") int quantity, @McpArg(defaultValue = "EUR") String currency) {
			return quantity + " " + currency;
		}

		@McpTool
		Mono<String> monoEcho(String text) {
			return Mono.just("mono " + text);
		}

		@McpTool
		Flux<String> letters(String word) {
			return Flux.fromIterable(Arrays.asList(word.split("")));
		}

		@McpTool
		CompletableFuture<String> later(String text) {
			return CompletableFuture.supplyAsync(() -> "later " + text);
		}

		@McpTool
		ImageContent pixel() {
			return Content.image(new byte[] { 1, 2, 3 }, "image/png");
		}

		@McpTool
		List<Content> contents() {
			return List.of(Content.text("first"), Content.resourceLink("file:///notes.txt", "notes.txt"));
		}

		@McpTool
		CallToolResult raw() {
			return new CallToolResult(List.of(Content.text("raw")), null, true, Map.of("k", "v"));
		}

		@McpTool
		String fail() {
			throw new ToolCallException("no luck");
		}

		@McpTool
		Mono<String> monoFail() {
			return Mono.error(new ToolCallException("mono no luck"));
		}

		@McpTool
		String blockingThread() {
			return Thread.currentThread().getName();
		}

		@McpTool
		Mono<String> reactiveThread() {
			return Mono.fromSupplier(() -> Thread.currentThread().getName());
		}

		@McpTool
		Optional<String> optionalResult() {
			return Optional.of("found");
		}

		@McpTool
		String paint(Color color) {
			return color.name();
		}

		String notATool() {
			return "not a tool";
		}

	}

	static class NonBlockingTools {

		@McpTool
		@NonBlocking
		String markedThread() {
			return Thread.currentThread().getName();
		}

		@McpTool
		String plainThread() {
			return Thread.currentThread().getName();
		}

	}

	@NonBlocking
	static class NonBlockingClassTools {

		@McpTool
		String classThread() {
			return Thread.currentThread().getName();
		}

	}

	static class NullReturningTools {

		@McpTool
		Order nullOrder() {
			return null;
		}

		@McpTool
		List<String> nullList() {
			return null;
		}

		@McpTool
		Integer nullCount() {
			return null;
		}

		@McpTool
		Optional<String> emptyOptional() {
			return Optional.empty();
		}

	}

}
