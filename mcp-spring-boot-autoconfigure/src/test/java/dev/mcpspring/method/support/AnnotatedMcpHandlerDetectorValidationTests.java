package dev.mcpspring.method.support;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.method.support.AnnotatedMcpHandlerDetectorTests.BasicTools;
import dev.mcpspring.server.ToolRegistry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.validation.annotation.Validated;

import static dev.mcpspring.method.support.AnnotatedMcpHandlerDetectorTests.assertCall;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AnnotatedMcpHandlerDetector} with what it must refuse: arguments that
 * do not match the method (answered as tool errors that name the path but not the value),
 * Jakarta constraint violations, also through AOP proxies, and handler methods that
 * cannot be registered (startup failures).
 *
 * @author MCP Spring Boot team
 */
class AnnotatedMcpHandlerDetectorValidationTests {

	private final ApplicationContextRunner contextRunner = AnnotatedMcpHandlerDetectorTests.contextRunner();

	@Test
	void enumParameter() {
		this.contextRunner.withBean(BasicTools.class).run((context) -> {
			assertCall(context, "paint", "{\"color\":\"GREEN\"}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"GREEN\"}]}");
			assertCall(context, "paint", "{\"color\":\"PURPLE\"}", "{\"content\":[{\"type\":\"text\",\"text\":"
					+ "\"Invalid arguments for tool 'paint': color: must be one of [RED, GREEN]\"}],\"isError\":true}");
		});
	}

	@Test // gh-19
	void enumWithJsonValueReportsTheValuesTheSchemaAdvertises() {
		this.contextRunner.withBean(ScalarTools.class).run((context) -> {
			assertCall(context, "visit", "{\"channel\":\"walk-in\"}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"WALK_IN\"}]}");
			assertCall(context, "visit", "{\"channel\":\"WALK_IN\"}", "{\"content\":[{\"type\":\"text\",\"text\":"
					+ "\"Invalid arguments for tool 'visit': channel: must be one of [email, phone, walk-in]\"}],"
					+ "\"isError\":true}");
		});
	}

	@Test // gh-19
	void scalarsWrittenAsStringsReportTheirFormat() {
		this.contextRunner.withBean(ScalarTools.class).run((context) -> {
			String arguments = "{\"id\":\"x\",\"link\":\"a b\",\"site\":\"x\",\"day\":\"x\",\"at\":\"x\","
					+ "\"wait\":\"x\",\"zone\":\"x\",\"currency\":\"x\"}";
			assertCall(context, "scalars", arguments, "{\"content\":[{\"type\":\"text\",\"text\":"
					+ "\"Invalid arguments for tool 'scalars': id: must be a UUID string; link: must be a URI string; "
					+ "site: must be a URI string; day: must be a date string in ISO 8601 format (yyyy-mm-dd); "
					+ "at: must be a date-time string in ISO 8601 format; wait: must be a duration string in ISO 8601 "
					+ "format (such as PT15M); zone: must be a time-zone ID string (such as Europe/Paris); "
					+ "currency: must be an ISO 4217 currency code string\"}],\"isError\":true}");
			JsonNode properties = context.getBean(ToolRegistry.class)
				.get("scalars")
				.getTool()
				.inputSchema()
				.path("properties");
			assertThat(properties.valueStream().map((property) -> property.path("type").asString()))
				.as("%s", properties)
				.containsOnly("string");
		});
	}

	@Test
	void missingRequiredArgument() {
		this.contextRunner.withBean(BasicTools.class)
			.run((context) -> assertCall(context, "echo", "{}", "{\"content\":[{\"type\":\"text\",\"text\":"
					+ "\"Invalid arguments for tool 'echo': text: is required\"}],\"isError\":true}"));
	}

	@Test
	void nullForRequiredArgument() {
		this.contextRunner.withBean(BasicTools.class)
			.run((context) -> assertCall(context, "echo", "{\"text\":null}",
					"{\"content\":[{\"type\":\"text\",\"text\":"
							+ "\"Invalid arguments for tool 'echo': text: is required\"}],\"isError\":true}"));
	}

	@Test
	void wrongNestedTypeNamesPathWithoutEchoingValue() {
		this.contextRunner.withBean(BasicTools.class)
			.run((context) -> assertCall(context, "order",
					"{\"order\":{\"item\":\"book\",\"quantity\":\"lots-secret\"}}",
					"{\"content\":[{\"type\":\"text\",\"text\":"
							+ "\"Invalid arguments for tool 'order': order.quantity: must be an integer\"}],\"isError\":true}"));
	}

	@Test
	void floatForIntegerIsRejected() {
		this.contextRunner.withBean(BasicTools.class)
			.run((context) -> assertCall(context, "price", "{\"quantity\":1.5}",
					"{\"content\":[{\"type\":\"text\",\"text\":"
							+ "\"Invalid arguments for tool 'price': quantity: must be an integer\"}],\"isError\":true}"));
	}

	@Test
	void wrongTypeForList() {
		this.contextRunner.withBean(BasicTools.class)
			.run((context) -> assertCall(context, "count", "{\"items\":{\"a\":1}}",
					"{\"content\":[{\"type\":\"text\",\"text\":"
							+ "\"Invalid arguments for tool 'count': items: must be an array\"}],\"isError\":true}"));
	}

	@Test
	void everyInvalidArgumentIsReported() {
		this.contextRunner.withBean(BasicTools.class)
			.run((context) -> assertCall(context, "price", "{\"quantity\":\"x\",\"currency\":[]}",
					"{\"content\":[{\"type\":\"text\",\"text\":"
							+ "\"Invalid arguments for tool 'price': quantity: must be an integer; currency: must be a string\"}],"
							+ "\"isError\":true}"));
	}

	@Test // gh-19
	void everyTypeErrorInsideOneArgumentIsReported() {
		this.contextRunner.withBean(BasicTools.class).run((context) -> {
			assertCall(context, "order", "{\"order\":{\"item\":5,\"quantity\":\"x\"}}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"Invalid arguments for tool 'order': "
							+ "order.item: must be a string; order.quantity: must be an integer\"}],\"isError\":true}");
			assertCall(context, "count", "{\"items\":[1,\"b\",{}]}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"Invalid arguments for tool 'count': "
							+ "items[0]: must be a string; items[2]: must be a string\"}],\"isError\":true}");
		});
	}

	@Test // gh-19
	void constraintViolationsAreReportedWithTypeErrors() {
		this.contextRunner.withBean(ConstrainedTools.class).run((context) -> {
			assertCall(context, "bounded", "{\"count\":\"x\",\"name\":\" \"}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"Invalid arguments for tool 'bounded': "
							+ "count: must be an integer; name: must not be blank\"}],\"isError\":true}");
			assertCall(context, "place", "{\"line\":{\"item\":\"\",\"quantity\":\"x\"}}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"Invalid arguments for tool 'place': "
							+ "line.quantity: must be an integer; line.item: must not be blank\"}],\"isError\":true}");
		});
	}

	@Test
	void constraintViolationsAreReported() {
		this.contextRunner.withBean(ConstrainedTools.class).run((context) -> {
			assertCall(context, "bounded", "{\"count\":0,\"name\":\" \"}", "{\"content\":[{\"type\":\"text\",\"text\":"
					+ "\"Invalid arguments for tool 'bounded': count: must be greater than or equal to 1; name: must not be blank\"}],"
					+ "\"isError\":true}");
			assertCall(context, "bounded", "{\"count\":1,\"name\":\"n\"}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"1 n\"}]}");
		});
	}

	@Test
	void constraintViolationsInsideRecordAreReported() {
		this.contextRunner.withBean(ConstrainedTools.class)
			.run((context) -> assertCall(context, "place", "{\"line\":{\"item\":\"\",\"quantity\":0}}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"Invalid arguments for tool 'place': "
							+ "line.item: must not be blank; line.quantity: must be greater than 0\"}],\"isError\":true}"));
	}

	@Test // gh-19
	void constraintsInsideCollectionsMapsAndNestedRecordsAreValidatedWithoutValid() {
		this.contextRunner.withBean(CascadingTools.class).run((context) -> {
			assertCall(context, "ship",
					"{\"shipment\":{\"lines\":[{\"item\":\"a\",\"quantity\":1},"
							+ "{\"item\":\"\",\"quantity\":0}],\"main\":{\"item\":\" \",\"quantity\":1},"
							+ "\"byCode\":{\"x\":{\"item\":\"b\",\"quantity\":-1}}}}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"Invalid arguments for tool 'ship': "
							+ "shipment.byCode[x].quantity: must be greater than 0; shipment.lines[1].item: must not be blank; "
							+ "shipment.lines[1].quantity: must be greater than 0; shipment.main.item: must not be blank\"}],"
							+ "\"isError\":true}");
			assertCall(context, "lines", "{\"lines\":[{\"item\":\"a\",\"quantity\":0}]}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"Invalid arguments for tool 'lines': "
							+ "lines[0].quantity: must be greater than 0\"}],\"isError\":true}");
			assertCall(context, "validShip",
					"{\"shipment\":{\"lines\":[{\"item\":\"\",\"quantity\":1}],"
							+ "\"main\":{\"item\":\"a\",\"quantity\":0}}}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"Invalid arguments for tool 'validShip': "
							+ "shipment.lines[0].item: must not be blank; shipment.main.quantity: must be greater than 0\"}],"
							+ "\"isError\":true}");
			assertCall(context, "ship", "{\"shipment\":{\"lines\":[{\"item\":\"a\",\"quantity\":1}]}}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"1\"}],\"structuredContent\":{\"result\":1}}");
		});
	}

	@Test // gh-19
	void constraintsOnContainerElementsAreValidated() {
		this.contextRunner.withBean(CascadingTools.class)
			.run((context) -> assertCall(context, "tag", "{\"tags\":[\"ok\",\"NO\"]}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"Invalid arguments for tool 'tag': "
							+ "tags[1]: must match \\\"[a-z]+\\\"\"}],\"isError\":true}"));
	}

	@Test
	void validatedBeanIsCglibProxy() {
		this.contextRunner.withBean(ValidatedTools.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(AopUtils.isCglibProxy(context.getBean(ValidatedTools.class))).isTrue();
			assertCall(context, "validated", "{\"count\":3}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"count 3\"}]}");
			assertCall(context, "validated", "{\"count\":0}", "{\"content\":[{\"type\":\"text\",\"text\":"
					+ "\"Invalid arguments for tool 'validated': count: must be greater than or equal to 1\"}],\"isError\":true}");
		});
	}

	@Test
	void interfaceBasedJdkProxyBean() {
		this.contextRunner.withPropertyValues("spring.aop.proxy-target-class=false")
			.withBean("greeter", Greeter.class, ValidatedGreeter::new)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(AopUtils.isJdkDynamicProxy(context.getBean(Greeter.class))).isTrue();
				assertCall(context, "hello", "{\"name\":\"Ada\"}",
						"{\"content\":[{\"type\":\"text\",\"text\":\"Hello Ada\"}]}");
				assertCall(context, "hello", "{\"name\":\"\"}", "{\"content\":[{\"type\":\"text\",\"text\":"
						+ "\"Invalid arguments for tool 'hello': name: must not be blank\"}],\"isError\":true}");
			});
	}

	@Test
	void duplicateToolNamesFailStartup() {
		this.contextRunner.withBean("firstTools", DuplicateOne.class)
			.withBean("secondTools", DuplicateTwo.class)
			.run((context) -> assertStartupFailure(context,
					"Invalid MCP handler method DuplicateTwo#other of bean 'secondTools': Duplicate tool name 'same'"));
	}

	@Test
	void invalidToolNameFailsStartup() {
		this.contextRunner.withBean("badNameTools", BadNameTools.class)
			.run((context) -> assertStartupFailure(context, "Invalid MCP handler method BadNameTools#tool of bean "
					+ "'badNameTools': Invalid tool name 'bad name': use 1 to 128 characters from A-Z a-z 0-9 _ - ."));
	}

	@Test
	void objectParameterFailsStartup() {
		this.contextRunner.withBean("objectTools", ObjectParameterTools.class)
			.run((context) -> assertStartupFailure(context,
					"Invalid MCP handler method ObjectParameterTools#tool of bean "
							+ "'objectTools': Cannot generate JSON schema for argument 'value' of type java.lang.Object: "
							+ "java.lang.Object has no fixed JSON structure (also the result of raw or unresolved generic types); "
							+ "declare a concrete type"));
	}

	@Test
	void streamParameterFailsStartup() {
		this.contextRunner.withBean("streamTools", StreamParameterTools.class).run((context) -> {
			IllegalStateException failure = startupFailure(context);
			assertThat(failure.getMessage()).startsWith(
					"Invalid MCP handler method StreamParameterTools#upload of bean 'streamTools': Cannot generate JSON schema for argument 'content'")
				.contains("java.io.InputStream is a byte or character stream");
		});
	}

	private static void assertStartupFailure(AssertableApplicationContext context, String message) {
		assertThat(startupFailure(context)).hasMessage(message);
	}

	private static IllegalStateException startupFailure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable candidate = context.getStartupFailure();
		while (candidate != null) {
			if (candidate instanceof IllegalStateException ex && ex.getMessage() != null
					&& ex.getMessage().startsWith("Invalid MCP handler method")) {
				return ex;
			}
			candidate = candidate.getCause();
		}
		throw new AssertionError("No @McpTool failure in", context.getStartupFailure());
	}

	enum Channel {

		EMAIL("email"), PHONE("phone"), WALK_IN("walk-in");

		private final String value;

		Channel(String value) {
			this.value = value;
		}

		@JsonValue
		String value() {
			return this.value;
		}

	}

	static class ScalarTools {

		@McpTool
		String visit(Channel channel) {
			return channel.name();
		}

		@McpTool
		String scalars(UUID id, URI link, URL site, LocalDate day, Instant at, Duration wait, ZoneId zone,
				Currency currency) {
			return "ok";
		}

	}

	record Line(@NotBlank String item, @Positive int quantity) {

	}

	static class ConstrainedTools {

		@McpTool
		String bounded(@Min(1) int count, @NotBlank String name) {
			return count + " " + name;
		}

		@McpTool
		String place(Line line) {
			return line.item();
		}

	}

	record Shipment(List<Line> lines, @Nullable Line main, @Nullable Map<String, Line> byCode) {

	}

	static class CascadingTools {

		@McpTool
		int ship(Shipment shipment) {
			return shipment.lines().size();
		}

		@McpTool
		int validShip(@Valid Shipment shipment) {
			return shipment.lines().size();
		}

		@McpTool
		int lines(List<Line> lines) {
			return lines.size();
		}

		@McpTool
		int tag(List<@Pattern(regexp = "[a-z]+") String> tags) {
			return tags.size();
		}

	}

	@Validated
	static class ValidatedTools {

		@McpTool
		String validated(@Min(1) int count) {
			return "count " + count;
		}

	}

	interface Greeter {

		String hello(@NotBlank String name);

	}

	@Validated
	static class ValidatedGreeter implements Greeter {

		@Override
		@McpTool
		public String hello(String name) {
			return "Hello " + name;
		}

	}

	static class DuplicateOne {

		@McpTool(name = "same")
		String one() {
			return "one";
		}

	}

	static class DuplicateTwo {

		@McpTool(name = "same")
		String other() {
			return "other";
		}

	}

	static class BadNameTools {

		@McpTool(name = "bad name")
		String tool() {
			return "bad";
		}

	}

	static class ObjectParameterTools {

		@McpTool
		String tool(Object value) {
			return String.valueOf(value);
		}

	}

	static class StreamParameterTools {

		@McpTool
		String upload(InputStream content) {
			return "uploaded";
		}

	}

}
