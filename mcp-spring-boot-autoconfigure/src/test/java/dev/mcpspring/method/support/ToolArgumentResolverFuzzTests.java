package dev.mcpspring.method.support;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mcpspring.annotation.McpArg;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.model.ProtocolVersions;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpResponse;
import dev.mcpspring.server.McpServerHandler;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the binding of {@code @McpTool} arguments (issue 14.3): JSON arguments go
 * through the server engine to methods with scalar, enum, date and time, collection,
 * record and Jakarta-constrained parameters. Whatever the arguments, the engine answers
 * with the tool's result, with an {@code isError} result saying <em>Invalid arguments for
 * tool</em>, or with {@code -32602}; never with an internal error or an exception, and
 * never repeating a value sent (checked with a canary, {@code SECRET}). Runs the
 * committed seed corpus ({@code ToolArgumentResolverFuzzTestsInputs}) in the normal
 * build; {@code JAZZER_FUZZ=1} fuzzes for real (see docs/reliability.md).
 * <p>
 * An input is UTF-8 text: the tool name on the first line (a name that is not a tool here
 * picks one by its hash), the JSON arguments on the rest.
 *
 * @author MCP Spring Boot team
 */
class ToolArgumentResolverFuzzTests {

	private static final List<String> TOOLS = List.of("numbers", "texts", "formats", "ship", "collections");

	private static final String CANARY = "SECRET";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static @Nullable ConfigurableApplicationContext context;

	private static @Nullable McpServerHandler handler;

	private static @Nullable JsonMapper jsonMapper;

	@BeforeAll
	static void start() {
		context = new SpringApplicationBuilder(FuzzConfiguration.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run();
		handler = context.getBean(McpServerHandler.class);
		jsonMapper = context.getBean(JsonRpcCodec.class).getJsonMapper();
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@FuzzTest(maxDuration = "30s")
	void argumentsAreBoundOrRefusedAsInvalid(byte[] input) {
		String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", 2);
		String tool = TOOLS.contains(lines[0]) ? lines[0] : TOOLS.get(Math.floorMod(lines[0].hashCode(), TOOLS.size()));
		JsonNode arguments;
		try {
			arguments = jsonMapper.readTree((lines.length > 1) ? lines[1] : "{}");
		}
		catch (JacksonException ex) {
			return;
		}
		ObjectNode params = JsonNodeFactory.instance.objectNode().put("name", tool);
		params.set("arguments", arguments);
		JsonRpcRequest request = new JsonRpcRequest(JsonNodeFactory.instance.numberNode(1), "tools/call", params);
		McpResponse response = handler.handle(new McpRequest(request, null, ProtocolVersions.LATEST)).block(TIMEOUT);
		assertThat(response).isNotNull();
		if (response.message().error() != null) {
			assertThat(response.message().error().code()).as(response.message().error().message())
				.isEqualTo(JsonRpcErrorCodes.INVALID_PARAMS);
			assertNoCanary(response.message().error().message(), arguments);
			return;
		}
		JsonNode result = jsonMapper.valueToTree(response.message().result());
		String text = result.path("content").path(0).path("text").asString();
		if (result.path("isError").asBoolean(false)) {
			assertThat(text).startsWith("Invalid arguments for tool '" + tool + "': ");
			assertNoCanary(text, arguments);
		}
		else {
			assertThat(text).isEqualTo("ok");
		}
	}

	private static void assertNoCanary(String message, JsonNode arguments) {
		if (message.contains(CANARY) && !keysHoldCanary(arguments)) {
			throw new AssertionError("The error repeats a value sent: " + message);
		}
	}

	private static boolean keysHoldCanary(JsonNode node) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				if (property.getKey().contains(CANARY) || keysHoldCanary(property.getValue())) {
					return true;
				}
			}
		}
		if (node.isArray()) {
			for (JsonNode element : node) {
				if (keysHoldCanary(element)) {
					return true;
				}
			}
		}
		return false;
	}

	enum Color {

		RED, GREEN

	}

	record Line(@NotBlank String item, @Positive int quantity) {

	}

	record Shipment(List<Line> lines, @Nullable Line main, @Nullable Map<String, Line> byCode) {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, ValidationAutoConfiguration.class,
			McpServerAutoConfiguration.class })
	static class FuzzConfiguration {

		@Bean
		FuzzTools fuzzTools() {
			return new FuzzTools();
		}

	}

	/**
	 * Jazzer's instrumentation drops the parameter names that {@code -parameters}
	 * compiles in, so every parameter names itself.
	 */
	static class FuzzTools {

		@McpTool
		String numbers(@McpArg(name = "count") int count, @McpArg(name = "total") long total,
				@McpArg(name = "ratio") double ratio, @McpArg(name = "urgent") boolean urgent,
				@McpArg(name = "boxed", required = false) @Nullable Integer boxed,
				@McpArg(name = "amount", required = false) @Nullable BigDecimal amount,
				@McpArg(name = "bounded", required = false) @Min(1) long bounded) {
			return "ok";
		}

		@McpTool
		String texts(@McpArg(name = "name") @NotBlank String name, @McpArg(name = "color") Color color,
				@McpArg(name = "note") Optional<String> note,
				@McpArg(name = "tags") List<@Pattern(regexp = "[a-z]+") String> tags) {
			return "ok";
		}

		@McpTool
		String formats(@McpArg(name = "id", required = false) @Nullable UUID id,
				@McpArg(name = "link", required = false) @Nullable URI link,
				@McpArg(name = "day", required = false) @Nullable LocalDate day,
				@McpArg(name = "at", required = false) @Nullable Instant at,
				@McpArg(name = "wait", required = false) @Nullable Duration wait,
				@McpArg(name = "zone", required = false) @Nullable ZoneId zone,
				@McpArg(name = "currency", required = false) @Nullable Currency currency) {
			return "ok";
		}

		@McpTool
		String ship(@McpArg(name = "shipment") Shipment shipment) {
			return "ok";
		}

		@McpTool
		String collections(@McpArg(name = "counts") int[] counts,
				@McpArg(name = "byName", required = false) @Nullable Map<String, Integer> byName,
				@McpArg(name = "colors", required = false) @Nullable Map<String, List<Color>> colors) {
			return "ok";
		}

	}

}
