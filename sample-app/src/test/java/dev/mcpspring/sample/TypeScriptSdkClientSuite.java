package dev.mcpspring.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.mcpspring.sample.BookshopExpectations.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the bookshop server with the official MCP TypeScript SDK (v1.x) client: the Node
 * script {@code src/test/node/ts-sdk-v1-client.mjs} runs a fixed conversation and prints
 * a JSON report of everything the server answered, which these tests check. Subclassed
 * once per way of running the server.
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class TypeScriptSdkClientSuite {

	private static final Path CLIENT_DIRECTORY = Path.of("src", "test", "node");

	private static final String CLIENT_SCRIPT = "ts-sdk-v1-client.mjs";

	private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);

	private JsonNode report;

	@BeforeAll
	void runClient(@TempDir Path output) throws IOException, InterruptedException {
		assertThat(CLIENT_DIRECTORY.resolve("node_modules/@modelcontextprotocol/sdk/package.json"))
			.as("the TypeScript SDK is installed by 'npm ci' in %s (run by the build)", CLIENT_DIRECTORY)
			.exists();
		Path stdout = output.resolve("report.json");
		Path stderr = output.resolve("stderr.txt");
		Process process = new ProcessBuilder("node", CLIENT_SCRIPT, mcpUrl()).directory(CLIENT_DIRECTORY.toFile())
			.redirectInput(ProcessBuilder.Redirect.PIPE)
			.redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile())
			.start();
		process.getOutputStream().close();
		boolean finished = process.waitFor(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		if (!finished) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		assertThat(finished)
			.as("%s finished within %s; stderr:%n%s", CLIENT_SCRIPT, CLIENT_TIMEOUT, Files.readString(stderr))
			.isTrue();
		assertThat(process.exitValue()).as("exit code of %s; stderr:%n%s", CLIENT_SCRIPT, Files.readString(stderr))
			.isZero();
		this.report = JSON.readTree(Files.readString(stdout));
	}

	/**
	 * The URL of the server's MCP endpoint, started if need be.
	 */
	abstract String mcpUrl() throws IOException, InterruptedException;

	@Test
	void clientUsesTheExpectedSdk() {
		assertThat(this.report.at("/client/sdkVersion").asString()).isEqualTo("1.32.2");
	}

	@Test
	void initializeNegotiatesLatestProtocolAndIdentifiesServer() {
		assertThat(this.report.path("protocolVersion").asString()).isEqualTo(BookshopExpectations.PROTOCOL_VERSION);
		BookshopExpectations.assertServerInfo(this.report.path("serverVersion"));
		BookshopExpectations.assertToolsCapability(this.report.path("serverCapabilities"));
		assertThat(this.report.path("sessionId").asString()).as("Mcp-Session-Id assigned on initialize").isNotBlank();
		assertThat(this.report.at("/exchanges/0/requestBody/method").asString()).isEqualTo("initialize");
	}

	@Test
	void httpExchangesFollowStreamableHttp() {
		JsonNode exchanges = this.report.path("exchanges");
		String sessionId = this.report.path("sessionId").asString();
		assertThat(exchanges.get(0).at("/responseHeaders/mcp-session-id").asString())
			.as("Mcp-Session-Id header of the initialize response")
			.isEqualTo(sessionId);
		assertThat(exchanges.valueStream()).allSatisfy((exchange) -> {
			String method = exchange.path("method").asString();
			int status = exchange.path("status").asInt();
			if (method.equals("GET")) {
				// the standalone SSE stream: 405 when not offered, else
				// text/event-stream; a
				// server may send the headers only with the first event, in which case
				// the
				// client aborts the request when it closes
				if (exchange.has("error")) {
					assertThat(exchange.at("/error/name").asString()).as("GET failed: %s", exchange)
						.isEqualTo("AbortError");
				}
				else if (status != 405) {
					assertThat(status).as("GET opens an SSE stream or is not allowed: %s", exchange).isEqualTo(200);
					assertThat(exchange.at("/responseHeaders/content-type").asString())
						.as("GET opens an SSE stream: %s", exchange)
						.startsWith("text/event-stream");
				}
			}
			else if (method.equals("DELETE")) {
				assertThat(status).as("DELETE of the session: %s", exchange).isBetween(200, 299);
			}
			else if (exchange.at("/requestBody/id").isMissingNode()) {
				assertThat(status).as("notification or response accepted: %s", exchange).isEqualTo(202);
			}
			else {
				assertThat(status).as("request answered: %s", exchange).isEqualTo(200);
				assertThat(exchange.at("/responseHeaders/content-type").asString())
					.as("JSON response by default: %s", exchange)
					.startsWith("application/json");
			}
		});
		assertThat(exchanges.valueStream().map((exchange) -> exchange.at("/requestBody/method").asString()))
			.as("requests made")
			.contains("initialize", "notifications/initialized", "tools/list", "tools/call");
		assertThat(this.report.path("transportErrors").size())
			.as("transport errors %s", this.report.path("transportErrors"))
			.isZero();
	}

	@Test
	void listsTools() {
		assertThat(this.report.path("toolsError").isNull()).as("tools/list error %s", this.report.path("toolsError"))
			.isTrue();
		JsonNode tools = this.report.path("tools");
		BookshopExpectations.assertToolNames(tools);
		BookshopExpectations.assertEveryInputSchemaIsAnObject(tools);
		BookshopExpectations.assertEchoTool(tools);
		BookshopExpectations.assertAddTool(tools);
		BookshopExpectations.assertSearchBooksTool(tools);
		BookshopExpectations.assertPlaceOrderTool(tools);
		BookshopExpectations.assertOtherTools(tools);
	}

	@Test
	void echo() {
		BookshopExpectations.assertText(outcome("echo"), "Grüße from the TypeScript SDK ✓");
	}

	@Test
	void add() {
		BookshopExpectations.assertWrappedStructuredResult(outcome("add"), "5");
		BookshopExpectations.assertWrappedStructuredResult(outcome("add.negative"), "-3");
	}

	@Test
	void searchBooks() {
		BookshopExpectations.assertBooks(outcome("search_books.the"), "The Histories", "The Hobbit");
		BookshopExpectations.assertBooks(outcome("search_books.defaultLimit"), "A Brief History of Time",
				"Astrophysics for People in a Hurry", "Charlotte's Web", "Dune", "The Histories");
		BookshopExpectations.assertBooks(outcome("search_books.genre"), "A Brief History of Time",
				"Astrophysics for People in a Hurry");
		BookshopExpectations.assertBooks(outcome("search_books.genreAndLimit"), "A Brief History of Time");
		BookshopExpectations.assertBooks(outcome("search_books.caseInsensitiveAuthor"), "The Hobbit");
		BookshopExpectations.assertBooks(outcome("search_books.noMatch"));
	}

	@Test
	void placeOrderThenQueryItsStatus() {
		JsonNode order = BookshopExpectations.assertOrderConfirmation(outcome("place_order"), "34.97");
		BookshopExpectations.assertSameOrder(outcome("order_status"), order);
	}

	@Test
	void unknownOrderAndUnknownBookAreToolErrors() {
		BookshopExpectations.assertToolError(outcome("order_status.unknown"),
				"No order with id " + BookshopExpectations.UNKNOWN_ORDER_ID);
		BookshopExpectations.assertToolError(outcome("place_order.unknownIsbn"),
				"No book with ISBN " + BookshopExpectations.UNKNOWN_ISBN);
		assertThat(outcome("book_cover.unknown").result()).as("%s", outcome("book_cover.unknown")).isNotNull();
		assertThat(outcome("book_cover.unknown").result().path("isError").asBoolean(false))
			.as("%s", outcome("book_cover.unknown"))
			.isTrue();
	}

	@Test
	void recommendOldestBookOfEachGenre() {
		BookshopExpectations.RECOMMENDATIONS.forEach((genre, recommendation) -> BookshopExpectations
			.assertText(outcome("recommend." + genre), recommendation));
	}

	@Test
	void bookCover() {
		BookshopExpectations.assertPngImage(outcome("book_cover"));
	}

	@Test
	void invalidArgumentsAreReportedAsToolErrors() {
		BookshopExpectations.assertInvalidArguments(outcome("search_books.limitTooHigh"), "search_books",
				"limit: must be less than or equal to 20");
		BookshopExpectations.assertInvalidArguments(outcome("search_books.limitTooLow"), "search_books",
				"limit: must be greater than or equal to 1");
		BookshopExpectations.assertInvalidArgumentPaths(outcome("search_books.missingQuery"), "search_books", "query");
		BookshopExpectations.assertInvalidArgumentPaths(outcome("search_books.unknownGenre"), "search_books", "genre");
		BookshopExpectations.assertInvalidArgumentPaths(outcome("add.wrongType"), "add", "a");
		BookshopExpectations.assertInvalidArguments(outcome("place_order.invalidEmail"), "place_order",
				"order.customerEmail: must be a well-formed email address");
		BookshopExpectations.assertInvalidArguments(outcome("place_order.quantityTooHigh"), "place_order",
				"order.lines[0].quantity: must be less than or equal to 10");
		BookshopExpectations.assertInvalidArgumentPaths(outcome("place_order.emptyLines"), "place_order",
				"order.lines");
		BookshopExpectations.assertInvalidArgumentPaths(outcome("place_order.malformedIsbn"), "place_order",
				"order.lines[0].isbn");
		BookshopExpectations.assertInvalidArguments(outcome("place_order.multipleViolations"), "place_order",
				"order.customerEmail: must be a well-formed email address",
				"order.lines[0].quantity: must be greater than or equal to 1");
		BookshopExpectations.assertInvalidArgumentPaths(outcome("place_order.fourteenDigitIsbn"), "place_order",
				"order.lines[0].isbn");
		BookshopExpectations.assertInvalidArgumentPaths(outcome("place_order.missingQuantity"), "place_order",
				"order.lines[0].quantity");
	}

	@Test // gh-19
	void typeErrorsAndConstraintViolationsAreReportedTogether() {
		BookshopExpectations.assertInvalidArguments(outcome("place_order.typeErrorAndViolation"), "place_order",
				BookshopExpectations.TYPE_ERRORS_AND_VIOLATIONS);
	}

	@Test
	void stringForAnIntegerArgumentIsRejectedNotCoerced() {
		BookshopExpectations.assertInvalidArgumentPaths(outcome("add.numericString"), "add", "a");
	}

	@Test
	void numberForAStringArgumentIsRejectedNotCoerced() {
		BookshopExpectations.assertInvalidArgumentPaths(outcome("echo.numberMessage"), "echo", "message");
	}

	@Test
	void unknownToolIsInvalidParams() {
		ToolCallOutcome outcome = outcome("no_such_tool");
		BookshopExpectations.assertJsonRpcError(outcome, -32602);
		JsonNode serverError = this.report.at("/calls/no_such_tool/wire/0/error");
		assertThat(serverError.path("code").asInt()).as("error sent by the server in %s", outcome).isEqualTo(-32602);
	}

	@Test
	void deleteEndsTheSession() {
		JsonNode termination = this.report.path("termination");
		assertThat(termination.has("error")).as("terminateSession() %s", termination).isFalse();
		assertThat(termination.path("deleteStatus").asInt()).as("DELETE status in %s", termination).isBetween(200, 299);
		assertThat(termination.path("statusOfRequestWithDeletedSession").asInt())
			.as("status of a request with the deleted session id (%s)", termination)
			.isEqualTo(404);
	}

	private ToolCallOutcome outcome(String id) {
		JsonNode call = this.report.path("calls").path(id);
		assertThat(call.isObject()).as("call '%s' in the report", id).isTrue();
		String trace = "TypeScript SDK call '%s': tools/call %s %s%n  client got: %s%n  server sent: %s".formatted(id,
				call.path("name").asString(), call.path("arguments"),
				call.has("error") ? call.path("error") : call.path("result"), call.path("wire"));
		if (call.has("error")) {
			JsonNode error = call.path("error");
			return ToolCallOutcome.error(error.path("code").asInt(), error.path("message").asString(), trace);
		}
		return ToolCallOutcome.result(call.path("result"), trace);
	}

}
