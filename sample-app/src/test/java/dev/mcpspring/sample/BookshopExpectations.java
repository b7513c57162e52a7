package dev.mcpspring.sample;

import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What the bookshop sample server must answer, whichever MCP client asks. Results are
 * checked in their JSON form so that the TypeScript and Java clients share every
 * expectation.
 */
final class BookshopExpectations {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String PROTOCOL_VERSION = "2025-11-25";

	static final List<String> TOOL_NAMES = List.of("echo", "add", "search_books", "place_order", "order_status",
			"recommend", "book_cover");

	static final List<String> GENRES = List.of("FICTION", "SCIENCE", "HISTORY", "CHILDREN");

	static final String DUNE = "9780441013593";

	static final String HOBBIT = "9780547928227";

	static final String UNKNOWN_ISBN = "9780000000000";

	static final String UNKNOWN_ORDER_ID = "ORD-999999";

	/**
	 * What {@code place_order} reports for a bad email, a quantity of {@code "two"}, and
	 * a second line with a bad ISBN and a quantity of {@code 1.5}: every bad field at
	 * once, type errors and constraint violations alike.
	 */
	static final String[] TYPE_ERRORS_AND_VIOLATIONS = { "order.lines[0].quantity: must be an integer",
			"order.lines[1].quantity: must be an integer", "order.customerEmail: must be a well-formed email address",
			"order.lines[1].isbn: must match \"\\d{13}\"" };

	static final Map<String, String> RECOMMENDATIONS = Map.of("FICTION", "Try The Hobbit by J.R.R. Tolkien", "SCIENCE",
			"Try A Brief History of Time by Stephen Hawking", "HISTORY", "Try The Histories by Herodotus", "CHILDREN",
			"Try Charlotte's Web by E. B. White");

	private static final String CATALOG = """
			[
				{"isbn": "9780441013593", "title": "Dune", "author": "Frank Herbert",
					"genre": "FICTION", "price": 9.99, "published": "1965-08-01"},
				{"isbn": "9780547928227", "title": "The Hobbit", "author": "J.R.R. Tolkien",
					"genre": "FICTION", "price": 14.99, "published": "1937-09-21"},
				{"isbn": "9780553380163", "title": "A Brief History of Time", "author": "Stephen Hawking",
					"genre": "SCIENCE", "price": 18.00, "published": "1988-04-01"},
				{"isbn": "9780393609394", "title": "Astrophysics for People in a Hurry", "author": "Neil deGrasse Tyson",
					"genre": "SCIENCE", "price": 12.95, "published": "2017-05-02"},
				{"isbn": "9780140449136", "title": "The Histories", "author": "Herodotus",
					"genre": "HISTORY", "price": 16.00, "published": "1996-01-01"},
				{"isbn": "9780064400558", "title": "Charlotte's Web", "author": "E. B. White",
					"genre": "CHILDREN", "price": 8.99, "published": "1952-10-15"}
			]
			""";

	private static final Map<String, JsonNode> BOOKS_BY_TITLE = JSON.readTree(CATALOG)
		.valueStream()
		.collect(Collectors.toMap((book) -> book.get("title").asString(), Function.identity()));

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	/**
	 * JSON numbers are equal when their values are ({@code 16}, {@code 16.0} and
	 * {@code 16.00} alike); everything else compares as usual.
	 */
	private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (left, right) -> {
		if (left.isNumber() && right.isNumber()) {
			return left.decimalValue().compareTo(right.decimalValue());
		}
		return left.equals(right) ? 0 : 1;
	};

	private BookshopExpectations() {
	}

	// initialize

	static void assertServerInfo(JsonNode serverInfo) {
		assertThat(serverInfo.path("name").asString()).as("serverInfo.name in %s", serverInfo).isEqualTo("bookshop");
		assertThat(serverInfo.path("version").asString()).as("serverInfo.version in %s", serverInfo).isEqualTo("1.0.0");
	}

	static void assertToolsCapability(JsonNode capabilities) {
		assertThat(capabilities.path("tools").isObject()).as("tools capability in %s", capabilities).isTrue();
	}

	// tools/list

	static void assertToolNames(JsonNode tools) {
		assertThat(tools.valueStream().map((tool) -> tool.path("name").asString()))
			.containsExactlyInAnyOrderElementsOf(TOOL_NAMES);
	}

	static void assertEveryInputSchemaIsAnObject(JsonNode tools) {
		assertThat(tools.valueStream())
			.allSatisfy((tool) -> assertThat(tool.path("inputSchema").path("type").asString())
				.as("inputSchema.type of %s", tool.path("name"))
				.isEqualTo("object"));
	}

	static void assertEchoTool(JsonNode tools) {
		JsonNode echo = tool(tools, "echo");
		JsonNode schema = echo.get("inputSchema");
		assertThat(schema.at("/properties/message/type").asString()).as("echo input schema %s", schema)
			.isEqualTo("string");
		assertThat(strings(schema.path("required"))).as("echo input schema %s", schema).containsExactly("message");
		assertThat(echo.at("/annotations/readOnlyHint").isBoolean()).as("echo annotations %s", echo.get("annotations"))
			.isTrue();
		assertThat(echo.at("/annotations/readOnlyHint").booleanValue()).isTrue();
		assertThat(echo.has("outputSchema")).as("echo returns plain text, yet has an output schema: %s", echo)
			.isFalse();
	}

	static void assertAddTool(JsonNode tools) {
		JsonNode add = tool(tools, "add");
		JsonNode schema = add.get("inputSchema");
		assertThat(schema.at("/properties/a/type").asString()).as("add input schema %s", schema).isEqualTo("integer");
		assertThat(schema.at("/properties/b/type").asString()).as("add input schema %s", schema).isEqualTo("integer");
		assertThat(strings(schema.path("required"))).as("add input schema %s", schema)
			.containsExactlyInAnyOrder("a", "b");
		assertJsonEquals(add.get("outputSchema"), """
				{"type": "object", "properties": {"result": {"type": "integer"}}, "required": ["result"]}
				""");
	}

	static void assertSearchBooksTool(JsonNode tools) {
		JsonNode schema = tool(tools, "search_books").get("inputSchema");
		assertThat(schema.path("properties").propertyNames()).as("search_books input schema %s", schema)
			.containsExactlyInAnyOrder("query", "genre", "limit");
		assertThat(resolve(schema, schema.at("/properties/query")).path("type").asString())
			.as("search_books query in %s", schema)
			.isEqualTo("string");
		JsonNode genre = resolve(schema, schema.at("/properties/genre"));
		assertThat(strings(genre.path("enum"))).as("search_books genre in %s", schema)
			.containsExactlyInAnyOrderElementsOf(GENRES);
		JsonNode limit = resolve(schema, schema.at("/properties/limit"));
		assertThat(limit.path("type").asString()).as("search_books limit in %s", schema).isEqualTo("integer");
		assertThat(limit.path("minimum").isNumber()).as("search_books limit.minimum in %s", schema).isTrue();
		assertThat(limit.path("minimum").intValue()).isEqualTo(1);
		assertThat(limit.path("maximum").isNumber()).as("search_books limit.maximum in %s", schema).isTrue();
		assertThat(limit.path("maximum").intValue()).isEqualTo(20);
		assertThat(limit.path("default").isNumber()).as("search_books limit.default in %s", schema).isTrue();
		assertThat(limit.path("default").intValue()).isEqualTo(5);
		assertThat(strings(schema.path("required"))).as("search_books input schema %s", schema)
			.containsExactly("query");

		JsonNode output = tool(tools, "search_books").get("outputSchema");
		assertThat(output).as("search_books output schema").isNotNull();
		assertThat(output.path("type").asString()).as("search_books output schema %s", output).isEqualTo("object");
		assertThat(strings(output.path("required"))).as("search_books output schema %s", output)
			.containsExactly("result");
		JsonNode result = resolve(output, output.at("/properties/result"));
		assertThat(result.path("type").asString()).as("search_books output schema %s", output).isEqualTo("array");
		JsonNode book = resolve(output, result.path("items"));
		assertThat(book.path("properties").propertyNames()).as("book schema in %s", output)
			.containsExactlyInAnyOrder("isbn", "title", "author", "genre", "price", "published");
		assertThat(resolve(output, book.at("/properties/price")).path("type").asString()).as("book price in %s", output)
			.isEqualTo("number");
	}

	static void assertPlaceOrderTool(JsonNode tools) {
		JsonNode schema = tool(tools, "place_order").get("inputSchema");
		assertThat(strings(schema.path("required"))).as("place_order input schema %s", schema).containsExactly("order");
		JsonNode order = resolve(schema, schema.at("/properties/order"));
		assertThat(order.path("type").asString()).as("order in %s", schema).isEqualTo("object");
		assertThat(resolve(schema, order.at("/properties/customerEmail")).path("type").asString())
			.as("order.customerEmail in %s", schema)
			.isEqualTo("string");
		JsonNode lines = resolve(schema, order.at("/properties/lines"));
		assertThat(lines.path("type").asString()).as("order.lines in %s", schema).isEqualTo("array");
		JsonNode line = resolve(schema, lines.path("items"));
		JsonNode isbn = resolve(schema, line.at("/properties/isbn"));
		assertThat(isbn.path("type").asString()).as("order line isbn in %s", schema).isEqualTo("string");
		assertThat(isbn.path("pattern").isString()).as("order line isbn pattern in %s", schema).isTrue();
		// JSON Schema patterns are not implicitly anchored (JSON Schema validation 6.3.3)
		Pattern pattern = Pattern.compile(isbn.get("pattern").asString());
		assertThat(pattern.matcher(DUNE).find()).as("isbn pattern %s accepts %s", pattern, DUNE).isTrue();
		assertThat(Stream.of(DUNE + "0", "x" + DUNE, DUNE.substring(1)))
			.as("values that are not 13 digits, checked against the unanchored isbn pattern %s", pattern)
			.noneMatch((candidate) -> pattern.matcher(candidate).find());
		JsonNode quantity = resolve(schema, line.at("/properties/quantity"));
		assertThat(quantity.path("type").asString()).as("order line quantity in %s", schema).isEqualTo("integer");
		assertThat(quantity.path("minimum").isNumber()).as("order line quantity in %s", schema).isTrue();
		assertThat(quantity.path("minimum").intValue()).isEqualTo(1);
		assertThat(quantity.path("maximum").isNumber()).as("order line quantity in %s", schema).isTrue();
		assertThat(quantity.path("maximum").intValue()).isEqualTo(10);

		// only the hints that differ from the spec's defaults are sent (gh-19)
		assertJsonEquals(withoutNulls(tool(tools, "place_order").path("annotations")), """
				{"destructiveHint": false, "openWorldHint": false}
				""");

		JsonNode output = tool(tools, "place_order").get("outputSchema");
		assertThat(output).as("place_order output schema").isNotNull();
		assertThat(output.path("type").asString()).as("place_order output schema %s", output).isEqualTo("object");
		assertThat(output.path("properties").propertyNames()).as("place_order output schema %s", output)
			.containsExactlyInAnyOrder("orderId", "customerEmail", "total", "status", "trackingNumber");
		// @Nullable, so neither required nor sent while null (gh-19)
		assertThat(strings(output.path("required"))).as("place_order output schema %s", output)
			.doesNotContain("trackingNumber");
		assertJsonEquals(tool(tools, "order_status").get("outputSchema"), output.toString());
	}

	static void assertOtherTools(JsonNode tools) {
		JsonNode orderStatus = tool(tools, "order_status").get("inputSchema");
		assertThat(orderStatus.at("/properties/orderId/type").asString())
			.as("order_status input schema %s", orderStatus)
			.isEqualTo("string");
		assertThat(strings(orderStatus.path("required"))).containsExactly("orderId");
		JsonNode recommend = tool(tools, "recommend").get("inputSchema");
		assertThat(strings(resolve(recommend, recommend.at("/properties/genre")).path("enum")))
			.as("recommend input schema %s", recommend)
			.containsExactlyInAnyOrderElementsOf(GENRES);
		assertThat(strings(recommend.path("required"))).containsExactly("genre");
		JsonNode bookCover = tool(tools, "book_cover").get("inputSchema");
		assertThat(bookCover.at("/properties/isbn/type").asString()).as("book_cover input schema %s", bookCover)
			.isEqualTo("string");
		assertThat(strings(bookCover.path("required"))).containsExactly("isbn");
		assertThat(tool(tools, "recommend").has("outputSchema")).as("recommend returns plain text").isFalse();
		assertThat(tool(tools, "book_cover").has("outputSchema")).as("book_cover returns an image").isFalse();
	}

	// tools/call results

	/**
	 * Assert a successful result made of exactly one text content block and no structured
	 * content.
	 */
	static void assertText(ToolCallOutcome outcome, String expectedText) {
		JsonNode result = assertSuccess(outcome);
		assertThat(result.has("structuredContent")).as("structuredContent of %s", outcome).isFalse();
		assertThat(singleText(result, outcome)).isEqualTo(expectedText);
	}

	/**
	 * Assert a successful result whose {@code structuredContent} is the given value
	 * wrapped as {@code {"result": value}} (numbers compared by value), with a text block
	 * holding the same value as JSON.
	 */
	static void assertWrappedStructuredResult(ToolCallOutcome outcome, String expectedValueJson) {
		JsonNode structured = assertStructured(outcome);
		assertThat(structured.propertyNames()).as("structuredContent of %s", outcome).containsExactly("result");
		assertJsonEquals(structured.get("result"), expectedValueJson);
		assertJsonEquals(JSON.readTree(singleText(outcome.result(), outcome)), expectedValueJson);
	}

	/**
	 * Assert a successful {@code search_books} result listing the given titles in that
	 * order, each with its full catalog entry.
	 */
	static void assertBooks(ToolCallOutcome outcome, String... expectedTitles) {
		ArrayNode expected = JSON.createArrayNode();
		Arrays.stream(expectedTitles).map(BOOKS_BY_TITLE::get).forEach(expected::add);
		assertWrappedStructuredResult(outcome, expected.toString());
	}

	/**
	 * Assert a confirmed order for {@code ada@example.com} with the given total, and
	 * return it.
	 */
	static JsonNode assertOrderConfirmation(ToolCallOutcome outcome, String expectedTotal) {
		JsonNode confirmation = assertStructured(outcome);
		assertThat(confirmation.path("orderId").asString()).as("orderId in %s", outcome).matches("ORD-\\d+");
		ObjectNode withoutId = (ObjectNode) confirmation.deepCopy();
		withoutId.remove("orderId");
		// the tracking number, null until the order ships, is left out (gh-19)
		assertJsonEquals(withoutId, """
				{"customerEmail": "ada@example.com", "total": %s, "status": "CONFIRMED"}
				""".formatted(expectedTotal));
		assertJsonEquals(JSON.readTree(singleText(outcome.result(), outcome)), confirmation.toString());
		return confirmation;
	}

	static void assertSameOrder(ToolCallOutcome outcome, JsonNode placedOrder) {
		JsonNode confirmation = assertStructured(outcome);
		assertJsonEquals(confirmation, placedOrder.toString());
		assertJsonEquals(JSON.readTree(singleText(outcome.result(), outcome)), placedOrder.toString());
	}

	static void assertPngImage(ToolCallOutcome outcome) {
		JsonNode result = assertSuccess(outcome);
		JsonNode content = result.path("content");
		assertThat(content.size()).as("content of %s", outcome).isEqualTo(1);
		JsonNode image = content.get(0);
		assertThat(image.path("type").asString()).as("content of %s", outcome).isEqualTo("image");
		assertThat(image.path("mimeType").asString()).as("content of %s", outcome).isEqualTo("image/png");
		byte[] png = Base64.getDecoder().decode(image.path("data").asString());
		assertThat(png).as("decoded image data of %s", outcome).startsWith(PNG_SIGNATURE);
	}

	/**
	 * Assert a tool error result ({@code isError: true}, not a JSON-RPC error) with the
	 * given text.
	 */
	static void assertToolError(ToolCallOutcome outcome, String expectedText) {
		assertThat(toolErrorText(outcome)).as("error text of %s", outcome).isEqualTo(expectedText);
	}

	/**
	 * Assert an invalid-arguments tool error made of exactly the given
	 * {@code path: message} problems, in any order.
	 */
	static void assertInvalidArguments(ToolCallOutcome outcome, String tool, String... expectedProblems) {
		assertThat(invalidArgumentProblems(outcome, tool)).as("problems reported in %s", outcome)
			.containsExactlyInAnyOrder(expectedProblems);
	}

	/**
	 * Assert an invalid-arguments tool error reporting one problem for each of the given
	 * argument paths, whatever the message.
	 */
	static void assertInvalidArgumentPaths(ToolCallOutcome outcome, String tool, String... expectedPaths) {
		List<String> problems = invalidArgumentProblems(outcome, tool);
		assertThat(problems).as("problems reported in %s", outcome)
			.allSatisfy((problem) -> assertThat(problem).matches("[^:]+: \\S.*"));
		assertThat(problems.stream().map((problem) -> problem.substring(0, problem.indexOf(": "))))
			.as("argument paths reported in %s", outcome)
			.containsExactlyInAnyOrder(expectedPaths);
	}

	static void assertJsonRpcError(ToolCallOutcome outcome, int expectedCode) {
		assertThat(outcome.result()).as("a JSON-RPC error, not a result, in %s", outcome).isNull();
		assertThat(outcome.errorCode()).as("JSON-RPC error code in %s", outcome).isEqualTo(expectedCode);
		assertThat(outcome.errorMessage()).as("JSON-RPC error message in %s", outcome).isNotBlank();
	}

	// helpers

	static void assertJsonEquals(JsonNode actual, String expectedJson) {
		JsonNode expected = JSON.readTree(expectedJson);
		assertThat(actual != null && actual.equals(NUMBERS_BY_VALUE, expected))
			.withFailMessage("Expected JSON%n  %s%nbut was%n  %s", expected, actual)
			.isTrue();
	}

	static JsonNode tool(JsonNode tools, String name) {
		return tools.valueStream()
			.filter((tool) -> name.equals(tool.path("name").asString()))
			.findFirst()
			.orElseGet(() -> fail("No tool named '%s' in %s", name, tools));
	}

	private static JsonNode assertSuccess(ToolCallOutcome outcome) {
		assertThat(outcome.result()).as("a result, not a JSON-RPC error, in %s", outcome).isNotNull();
		assertThat(outcome.result().path("isError").asBoolean(false)).as("isError of %s", outcome).isFalse();
		return outcome.result();
	}

	private static JsonNode assertStructured(ToolCallOutcome outcome) {
		JsonNode result = assertSuccess(outcome);
		JsonNode structured = result.path("structuredContent");
		assertThat(structured.isObject()).as("structuredContent of %s", outcome).isTrue();
		return structured;
	}

	private static String singleText(JsonNode result, ToolCallOutcome outcome) {
		JsonNode content = result.path("content");
		assertThat(content.size()).as("number of content blocks in %s", outcome).isEqualTo(1);
		assertThat(content.get(0).path("type").asString()).as("content type in %s", outcome).isEqualTo("text");
		return content.get(0).path("text").asString();
	}

	private static String toolErrorText(ToolCallOutcome outcome) {
		assertThat(outcome.result()).as("a tool error result, not a JSON-RPC error, in %s", outcome).isNotNull();
		assertThat(outcome.result().path("isError").asBoolean(false)).as("isError of %s", outcome).isTrue();
		return singleText(outcome.result(), outcome);
	}

	private static List<String> invalidArgumentProblems(ToolCallOutcome outcome, String tool) {
		String prefix = "Invalid arguments for tool '" + tool + "': ";
		String text = toolErrorText(outcome);
		assertThat(text).as("error text of %s", outcome).startsWith(prefix);
		return List.of(text.substring(prefix.length()).split("; "));
	}

	/**
	 * Follow a local {@code $ref} ({@code #/$defs/...}) of a schema.
	 */
	private static JsonNode resolve(JsonNode root, JsonNode schema) {
		JsonNode resolved = schema;
		for (int depth = 0; resolved.has("$ref") && depth < 10; depth++) {
			String ref = resolved.get("$ref").asString();
			assertThat(ref).as("only local references are expected").startsWith("#/");
			resolved = root.at(ref.substring(1));
			assertThat(resolved.isMissingNode()).as("%s resolves in %s", ref, root).isFalse();
		}
		return resolved;
	}

	/**
	 * The object without its {@code null} properties, which some clients add for the
	 * fields they know.
	 */
	private static JsonNode withoutNulls(JsonNode object) {
		ObjectNode copy = JSON.createObjectNode();
		object.properties().forEach((entry) -> {
			if (!entry.getValue().isNull()) {
				copy.set(entry.getKey(), entry.getValue());
			}
		});
		return copy;
	}

	private static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

}
