package dev.mcpspring.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static dev.mcpspring.sample.BookshopExpectations.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bookshop's REST API ({@code dev.mcpspring.sample.rest}) as the official TypeScript
 * SDK (v1.x) client sees it in the {@code rest} profile: its endpoints are tools without
 * per-endpoint code, their schemas come from the controller, and a 404 or a validation
 * failure is a tool error with a clear message.
 *
 * @author MCP Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("rest")
class RestEndpointsTypeScriptSdkIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void restEndpointsAreToolsForTheTypeScriptClient(@TempDir Path output) throws IOException, InterruptedException {
		JsonNode report = NodeClientScript.run("ts-sdk-v1-rest.mjs", output, Duration.ofSeconds(40),
				"http://localhost:" + this.port + "/mcp");
		JsonNode tools = report.path("tools");
		assertThat(tools.propertyNames()).contains("getBook", "findBooks", "listReviews", "add_review")
			.as("DELETE is excluded by mcp.server.rest.exclude.methods")
			.doesNotContain("deleteReview");
		assertThat(tools.path("getBook").path("description").asString()).isEqualTo("GET /api/books/{isbn}");
		assertThat(tools.path("getBook").path("inputSchema")).isEqualTo(JSON.readTree("""
				{"type":"object","properties":{"isbn":{"type":"string"}},"required":["isbn"]}"""));
		assertThat(tools.at("/getBook/outputSchema/properties/published")).isEqualTo(JSON.readTree("""
				{"type":"string","format":"date"}"""));
		assertThat(tools.path("findBooks").path("inputSchema")).isEqualTo(JSON.readTree("""
				{"type":"object","properties":{"query":{"type":"string"},
				"genre":{"type":"string","enum":["FICTION","SCIENCE","HISTORY","CHILDREN"]},
				"limit":{"type":"integer","default":5,"minimum":1,"maximum":20}},"required":["query"]}"""));
		assertThat(tools.path("add_review").path("description").asString())
			.isEqualTo("Adds a reader's review of a book, rated from 1 to 5 stars");
		assertThat(tools.at("/add_review/inputSchema/required")).isEqualTo(JSON.readTree("[\"isbn\",\"body\"]"));
		assertThat(tools.at("/add_review/inputSchema/properties/body")).isEqualTo(JSON.readTree("""
				{"type":"object","properties":{
				"reviewer":{"type":"string","description":"Name of the reader","minLength":1,"maxLength":40},
				"rating":{"type":"integer","description":"Stars, from 1 to 5","minimum":1,"maximum":5},
				"text":{"type":"string","maxLength":500}},"required":["reviewer","rating"]}"""));
		JsonNode calls = report.path("calls");
		assertThat(calls.at("/getBook/structuredContent/title").asString()).isEqualTo("Dune");
		assertThat(calls.at("/findBooks/structuredContent/result/0/title").asString())
			.isEqualTo("A Brief History of Time");
		assertThat(calls.at("/addReview/structuredContent")).isEqualTo(JSON.readTree("""
				{"id":1,"isbn":"9780441013593","reviewer":"Ada","rating":5,"text":"Spice!"}"""));
		assertThat(calls.at("/listReviews/structuredContent/result")).hasSize(1);
		assertToolError(calls.path("getMissingBook"),
				"GET /api/books/{isbn} answered HTTP 404: Not Found; No book with ISBN 9780000000000");
		assertToolError(calls.path("addReviewToMissingBook"),
				"POST /api/books/{isbn}/reviews answered HTTP 404: Not Found; No book with ISBN 9780000000000");
		assertToolError(calls.path("findTooMany"),
				"GET /api/books answered HTTP 400: Bad Request; limit: must be less than or equal to 20");
		assertThat(calls.at("/addInvalidReview/isError").asBoolean()).isTrue();
		assertThat(calls.at("/addInvalidReview/text").asString())
			.startsWith("POST /api/books/{isbn}/reviews answered HTTP 400: Bad Request; ")
			.contains("rating: must be less than or equal to 5", "reviewer: must not be blank")
			.doesNotContain("java.lang", "codes");
	}

	private static void assertToolError(JsonNode call, String text) {
		assertThat(call.path("isError").asBoolean()).as("%s", call).isTrue();
		assertThat(call.path("text").asString()).isEqualTo(text);
	}

}
