package dev.mcpspring.sample;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import io.modelcontextprotocol.spec.McpSchema.ListToolsResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.mcpspring.sample.BookshopExpectations.DUNE;
import static dev.mcpspring.sample.BookshopExpectations.HOBBIT;
import static dev.mcpspring.sample.BookshopExpectations.JSON;
import static dev.mcpspring.sample.BookshopExpectations.UNKNOWN_ISBN;
import static dev.mcpspring.sample.BookshopExpectations.UNKNOWN_ORDER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Drives the bookshop server with the official MCP Java SDK client over Streamable HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(Lifecycle.PER_CLASS)
class JavaSdkClientIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	private McpSyncClient client;

	private InitializeResult initializeResult;

	@BeforeAll
	void connect() {
		this.client = createClient(List.of("2025-03-26", "2025-06-18", BookshopExpectations.PROTOCOL_VERSION));
		this.initializeResult = this.client.initialize();
	}

	@AfterAll
	void disconnect() {
		if (this.client != null) {
			this.client.closeGracefully();
		}
	}

	@Test
	void initializeNegotiatesLatestProtocolAndIdentifiesServer() {
		assertThat(this.initializeResult.protocolVersion()).isEqualTo(BookshopExpectations.PROTOCOL_VERSION);
		assertThat(this.initializeResult.serverInfo().name()).isEqualTo("bookshop");
		assertThat(this.initializeResult.serverInfo().version()).isEqualTo("1.0.0");
		assertThat(this.initializeResult.capabilities().tools()).as("tools capability").isNotNull();
		BookshopExpectations.assertServerInfo(JSON.valueToTree(this.initializeResult.serverInfo()));
		BookshopExpectations.assertToolsCapability(JSON.valueToTree(this.initializeResult.capabilities()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-06-18", "2025-03-26" })
	void negotiatesOlderProtocolVersions(String version) {
		McpSyncClient olderClient = createClient(List.of(version));
		try {
			assertThat(olderClient.initialize().protocolVersion()).isEqualTo(version);
			BookshopExpectations.assertText(call(olderClient, "echo", Map.of("message", "hello " + version)),
					"hello " + version);
		}
		finally {
			olderClient.closeGracefully();
		}
	}

	@Test
	void listsTools() {
		ListToolsResult result = this.client.listTools();
		JsonNode tools = JSON.valueToTree(result.tools());
		BookshopExpectations.assertToolNames(tools);
		BookshopExpectations.assertEveryInputSchemaIsAnObject(tools);
		BookshopExpectations.assertEchoTool(tools);
		BookshopExpectations.assertAddTool(tools);
		BookshopExpectations.assertSearchBooksTool(tools);
		BookshopExpectations.assertPlaceOrderTool(tools);
		BookshopExpectations.assertOtherTools(tools);
		Tool echo = result.tools().stream().filter((tool) -> tool.name().equals("echo")).findFirst().orElseThrow();
		assertThat(echo.annotations().readOnlyHint()).isTrue();
	}

	@Test
	void echo() {
		ToolCallOutcome outcome = call("echo", Map.of("message", "Grüße from the Java SDK ✓"));
		BookshopExpectations.assertText(outcome, "Grüße from the Java SDK ✓");
		CallToolResult result = this.client.callTool(new CallToolRequest("echo", Map.of("message", "typed")));
		assertThat(result.content()).singleElement()
			.isInstanceOfSatisfying(TextContent.class, (text) -> assertThat(text.text()).isEqualTo("typed"));
	}

	@Test
	void add() {
		BookshopExpectations.assertWrappedStructuredResult(call("add", Map.of("a", 2, "b", 3)), "5");
		BookshopExpectations.assertWrappedStructuredResult(call("add", Map.of("a", -7, "b", 4)), "-3");
	}

	@Test
	void searchBooks() {
		BookshopExpectations.assertBooks(call("search_books", Map.of("query", "the")), "The Histories", "The Hobbit");
		BookshopExpectations.assertBooks(call("search_books", Map.of("query", "e")), "A Brief History of Time",
				"Astrophysics for People in a Hurry", "Charlotte's Web", "Dune", "The Histories");
		BookshopExpectations.assertBooks(call("search_books", Map.of("query", "h", "genre", "SCIENCE")),
				"A Brief History of Time", "Astrophysics for People in a Hurry");
		BookshopExpectations.assertBooks(call("search_books", Map.of("query", "h", "genre", "SCIENCE", "limit", 1)),
				"A Brief History of Time");
		BookshopExpectations.assertBooks(call("search_books", Map.of("query", "TOLKIEN")), "The Hobbit");
		BookshopExpectations.assertBooks(call("search_books", Map.of("query", "zzz")));
	}

	@Test
	void placeOrderThenQueryItsStatus() {
		ToolCallOutcome placed = call("place_order", order("ada@example.com", line(DUNE, 2), line(HOBBIT, 1)));
		JsonNode order = BookshopExpectations.assertOrderConfirmation(placed, "34.97");
		BookshopExpectations.assertSameOrder(call("order_status", Map.of("orderId", order.get("orderId").asString())),
				order);
	}

	@Test
	void unknownOrderAndUnknownBookAreToolErrors() {
		BookshopExpectations.assertToolError(call("order_status", Map.of("orderId", UNKNOWN_ORDER_ID)),
				"No order with id " + UNKNOWN_ORDER_ID);
		BookshopExpectations.assertToolError(call("place_order", order("ada@example.com", line(UNKNOWN_ISBN, 1))),
				"No book with ISBN " + UNKNOWN_ISBN);
		CallToolResult cover = this.client.callTool(new CallToolRequest("book_cover", Map.of("isbn", UNKNOWN_ISBN)));
		assertThat(cover.isError()).as("%s", cover).isTrue();
	}

	@Test
	void recommendOldestBookOfEachGenre() {
		BookshopExpectations.RECOMMENDATIONS.forEach((genre, recommendation) -> BookshopExpectations
			.assertText(call("recommend", Map.of("genre", genre)), recommendation));
	}

	@Test
	void bookCover() throws IOException {
		ToolCallOutcome outcome = call("book_cover", Map.of("isbn", DUNE));
		BookshopExpectations.assertPngImage(outcome);
		CallToolResult result = this.client.callTool(new CallToolRequest("book_cover", Map.of("isbn", DUNE)));
		assertThat(result.content()).singleElement().isInstanceOf(ImageContent.class);
		byte[] png = Base64.getDecoder().decode(((ImageContent) result.content().get(0)).data());
		assertThat(ImageIO.read(new ByteArrayInputStream(png))).as("decoded cover image").isNotNull();
	}

	@Test
	void invalidArgumentsAreReportedAsToolErrors() {
		BookshopExpectations.assertInvalidArguments(call("search_books", Map.of("query", "dune", "limit", 21)),
				"search_books", "limit: must be less than or equal to 20");
		BookshopExpectations.assertInvalidArguments(call("search_books", Map.of("query", "dune", "limit", 0)),
				"search_books", "limit: must be greater than or equal to 1");
		BookshopExpectations.assertInvalidArgumentPaths(call("search_books", Map.of()), "search_books", "query");
		BookshopExpectations.assertInvalidArgumentPaths(
				call("search_books", Map.of("query", "dune", "genre", "POETRY")), "search_books", "genre");
		BookshopExpectations.assertInvalidArgumentPaths(call("add", Map.of("a", "two", "b", 3)), "add", "a");
		BookshopExpectations.assertInvalidArguments(call("place_order", order("not-an-email", line(DUNE, 1))),
				"place_order", "order.customerEmail: must be a well-formed email address");
		BookshopExpectations.assertInvalidArguments(call("place_order", order("ada@example.com", line(DUNE, 11))),
				"place_order", "order.lines[0].quantity: must be less than or equal to 10");
		BookshopExpectations.assertInvalidArgumentPaths(call("place_order", order("ada@example.com")), "place_order",
				"order.lines");
		BookshopExpectations.assertInvalidArgumentPaths(call("place_order", order("ada@example.com", line("12345", 1))),
				"place_order", "order.lines[0].isbn");
		BookshopExpectations.assertInvalidArguments(call("place_order", order("nope", line(HOBBIT, 0))), "place_order",
				"order.customerEmail: must be a well-formed email address",
				"order.lines[0].quantity: must be greater than or equal to 1");
		BookshopExpectations.assertInvalidArgumentPaths(
				call("place_order", order("ada@example.com", line(DUNE + "0", 1))), "place_order",
				"order.lines[0].isbn");
		BookshopExpectations.assertInvalidArgumentPaths(
				call("place_order", order("ada@example.com", Map.of("isbn", DUNE))), "place_order",
				"order.lines[0].quantity");
	}

	@Test // gh-19
	void typeErrorsAndConstraintViolationsAreReportedTogether() {
		BookshopExpectations
			.assertInvalidArguments(
					call("place_order",
							order("nope", Map.of("isbn", DUNE, "quantity", "two"),
									Map.of("isbn", "x", "quantity", 1.5))),
					"place_order", BookshopExpectations.TYPE_ERRORS_AND_VIOLATIONS);
	}

	@Test
	void stringForAnIntegerArgumentIsRejectedNotCoerced() {
		BookshopExpectations.assertInvalidArgumentPaths(call("add", Map.of("a", "2", "b", 3)), "add", "a");
	}

	@Test
	void numberForAStringArgumentIsRejectedNotCoerced() {
		BookshopExpectations.assertInvalidArgumentPaths(call("echo", Map.of("message", 42)), "echo", "message");
	}

	/**
	 * The input schemas are what clients and models see: they must describe the arguments
	 * the server accepts, as judged by the SDK's own JSON Schema validator
	 * ({@code format} is an annotation only in JSON Schema 2020-12, so the email checks
	 * are left out).
	 */
	@Test
	void inputSchemasAgreeWithTheServer() {
		Map<String, Map<String, Object>> schemas = this.client.listTools()
			.tools()
			.stream()
			.collect(Collectors.toMap(Tool::name, Tool::inputSchema));
		JsonSchemaValidator validator = new DefaultJsonSchemaValidator();
		SoftAssertions softly = new SoftAssertions();
		List<ToolArguments> accepted = List.of(new ToolArguments("echo", Map.of("message", "hi")),
				new ToolArguments("add", Map.of("a", 2, "b", 3)),
				new ToolArguments("search_books", Map.of("query", "h", "genre", "SCIENCE", "limit", 20)),
				new ToolArguments("place_order", order("ada@example.com", line(DUNE, 10))),
				new ToolArguments("recommend", Map.of("genre", "HISTORY")),
				new ToolArguments("book_cover", Map.of("isbn", HOBBIT)));
		List<ToolArguments> rejected = List.of(new ToolArguments("search_books", Map.of("query", "dune", "limit", 21)),
				new ToolArguments("search_books", Map.of("query", "dune", "limit", 0)),
				new ToolArguments("search_books", Map.of("limit", 3)),
				new ToolArguments("search_books", Map.of("query", "dune", "genre", "POETRY")),
				new ToolArguments("add", Map.of("a", "two", "b", 3)), new ToolArguments("add", Map.of("a", 2)),
				new ToolArguments("place_order", order("ada@example.com", line(DUNE, 11))),
				new ToolArguments("place_order", order("ada@example.com")),
				new ToolArguments("place_order", order("ada@example.com", line("12345", 1))),
				new ToolArguments("place_order", order("ada@example.com", line(DUNE + "0", 1))),
				new ToolArguments("place_order", order("ada@example.com", Map.of("isbn", DUNE))),
				new ToolArguments("recommend", Map.of("genre", "POETRY")));
		for (ToolArguments arguments : accepted) {
			ToolCallOutcome outcome = call(arguments.tool(), arguments.arguments());
			softly.assertThat(outcome.result()).as("server accepts: %s", outcome).isNotNull();
			softly.assertThat(outcome.result() != null && outcome.result().path("isError").asBoolean(false))
				.as("server accepts: %s", outcome)
				.isFalse();
			ValidationResponse validation = validator.validate(schemas.get(arguments.tool()), arguments.arguments());
			softly.assertThat(validation.valid())
				.as("input schema of '%s' %s accepts %s: %s", arguments.tool(),
						JSON.valueToTree(schemas.get(arguments.tool())), JSON.valueToTree(arguments.arguments()),
						validation.errorMessage())
				.isTrue();
		}
		for (ToolArguments arguments : rejected) {
			ToolCallOutcome outcome = call(arguments.tool(), arguments.arguments());
			softly.assertThat(outcome.result() != null && outcome.result().path("isError").asBoolean(false))
				.as("server rejects: %s", outcome)
				.isTrue();
			softly.assertThat(validator.validate(schemas.get(arguments.tool()), arguments.arguments()).valid())
				.as("input schema of '%s' %s rejects %s, as the server does", arguments.tool(),
						JSON.valueToTree(schemas.get(arguments.tool())), JSON.valueToTree(arguments.arguments()))
				.isFalse();
		}
		softly.assertAll();
	}

	@Test
	void unknownToolIsInvalidParams() {
		BookshopExpectations.assertJsonRpcError(call("no_such_tool", Map.of("message", "hello")), -32602);
	}

	private McpSyncClient createClient(List<String> protocolVersions) {
		HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
			.builder("http://localhost:" + this.port)
			.endpoint("/mcp")
			.supportedProtocolVersions(protocolVersions)
			.connectTimeout(TIMEOUT)
			.build();
		return McpClient.sync(transport)
			.clientInfo(new Implementation("java-sdk-integration-test", "1.0.0"))
			.requestTimeout(TIMEOUT)
			.initializationTimeout(TIMEOUT)
			.enableCallToolSchemaCaching(true)
			.build();
	}

	private ToolCallOutcome call(String tool, Map<String, Object> arguments) {
		return call(this.client, tool, arguments);
	}

	private static ToolCallOutcome call(McpSyncClient client, String tool, Map<String, Object> arguments) {
		String request = "Java SDK call: tools/call %s %s".formatted(tool, JSON.valueToTree(arguments));
		try {
			JsonNode result = JSON.valueToTree(client.callTool(new CallToolRequest(tool, arguments)));
			return ToolCallOutcome.result(result, "%s%n  result: %s".formatted(request, result));
		}
		catch (McpError ex) {
			JSONRPCError error = ex.getJsonRpcError();
			assertThat(error).as("JSON-RPC error of %s", ex).isNotNull();
			return ToolCallOutcome.error(error.code(), error.message(),
					"%s%n  JSON-RPC error: %s %s".formatted(request, error.code(), error.message()));
		}
		catch (RuntimeException ex) {
			// for example the SDK finding structuredContent that does not match the
			// outputSchema
			return fail(request + " failed in the client", ex);
		}
	}

	private record ToolArguments(String tool, Map<String, Object> arguments) {

	}

	private static Map<String, Object> order(String customerEmail, Map<?, ?>... lines) {
		return Map.of("order", Map.of("customerEmail", customerEmail, "lines", List.of(lines)));
	}

	private static Map<String, Object> line(String isbn, int quantity) {
		return Map.of("isbn", isbn, "quantity", quantity);
	}

}
