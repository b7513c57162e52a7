package dev.mcpspring.sample;

import java.util.List;
import java.util.Map;

import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bookshop's tools, resources and prompts on their own, through the in-process
 * {@link McpTestClient} of an {@code @McpServerTest}: no server, no Node client. The
 * integration tests drive the same features with the official clients.
 */
@McpServerTest
@Import(Catalog.class)
class BookshopToolsTests {

	private static final String DUNE = BookshopExpectations.DUNE;

	@Autowired
	private McpTestClient client;

	@ParameterizedTest
	@ValueSource(strings = { "2025-11-25", "2026-07-28" })
	void listsTheTools(String revision) {
		List<String> names = this.client.revision(revision)
			.listTools()
			.result()
			.path("tools")
			.valueStream()
			.map((tool) -> tool.path("name").asString())
			.toList();
		assertThat(names).containsExactlyInAnyOrderElementsOf(BookshopExpectations.TOOL_NAMES);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-11-25", "2026-07-28" })
	void echoesAndAdds(String revision) {
		this.client.revision(revision);
		this.client.callTool("echo", Map.of("message", "hello")).isSuccess().hasText("hello");
		this.client.callTool("add", Map.of("a", 2, "b", 3))
			.isSuccess()
			.hasStructuredContentMatchingOutputSchema()
			.hasResultAt("/structuredContent/result", "5");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-11-25", "2026-07-28" })
	void searchesBooks(String revision) {
		this.client.revision(revision)
			.callTool("search_books", Map.of("query", "h", "genre", "FICTION"))
			.isSuccess()
			.hasStructuredContentMatchingOutputSchema()
			.hasResultAt("/structuredContent/result/0/title", "Dune")
			.hasResultAt("/structuredContent/result/1/title", "The Hobbit");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-11-25", "2026-07-28" })
	void reportsEveryInvalidArgument(String revision) {
		this.client.revision(revision)
			.callTool("search_books", Map.of("query", "h", "limit", 50))
			.isToolError()
			.hasTextContaining("limit");
		this.client.callTool("add", Map.of("a", "two", "b", 3))
			.isToolError()
			.hasTextContaining("a: must be an integer");
		this.client.callTool("no_such_tool", Map.of()).hasErrorCode(-32602);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-11-25", "2026-07-28" })
	void recommendsAndRendersCovers(String revision) {
		this.client.revision(revision);
		this.client.callTool("recommend", Map.of("genre", "SCIENCE"))
			.isSuccess()
			.hasText(BookshopExpectations.RECOMMENDATIONS.get("SCIENCE"));
		this.client.callTool("book_cover", Map.of("isbn", DUNE))
			.isSuccess()
			.hasResultAt("/content/0/type", "image")
			.hasResultAt("/content/0/mimeType", "image/png");
		this.client.callTool("book_cover", Map.of("isbn", BookshopExpectations.UNKNOWN_ISBN))
			.isToolError()
			.hasText("No book with ISBN " + BookshopExpectations.UNKNOWN_ISBN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-11-25", "2026-07-28" })
	void placesAndLooksUpOrders(String revision) {
		this.client.revision(revision);
		String orderId = this.client
			.callTool("place_order",
					Map.of("order",
							Map.of("customerEmail", "ada@example.com", "lines",
									List.of(Map.of("isbn", DUNE, "quantity", 2)))))
			.isSuccess()
			.hasStructuredContentMatchingOutputSchema()
			.hasResultAt("/structuredContent/status", "CONFIRMED")
			.structuredContent()
			.path("orderId")
			.asString();
		this.client.callTool("order_status", Map.of("orderId", orderId))
			.isSuccess()
			.hasResultAt("/structuredContent/orderId", orderId);
		this.client.callTool("order_status", Map.of("orderId", BookshopExpectations.UNKNOWN_ORDER_ID))
			.isToolError()
			.hasText("No order with id " + BookshopExpectations.UNKNOWN_ORDER_ID);
		this.client
			.callTool("place_order", Map.of("order",
					Map.of("customerEmail", "not-an-email", "lines",
							List.of(Map.of("isbn", DUNE, "quantity", "two"), Map.of("isbn", "123", "quantity", 1.5)))))
			.isToolError()
			.satisfies((response) -> assertThat(response.toString())
				.contains(BookshopExpectations.TYPE_ERRORS_AND_VIOLATIONS[0].replace("\"", "\\\"")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-11-25", "2026-07-28" })
	void readsResourcesAndGetsPrompts(String revision) {
		this.client.revision(revision);
		this.client.readResource("bookshop://books/" + DUNE)
			.isSuccess()
			.satisfies((response) -> assertThat(response.at("/result/contents/0/text").asString()).contains("Dune"));
		this.client.completeResource("bookshop://books/{isbn}", "isbn", "978044")
			.hasResultAt("/completion/values/0", DUNE);
		this.client.getPrompt("recommend_books", Map.of("genre", "HISTORY", "reader", "Ada"))
			.isSuccess()
			.satisfies((response) -> assertThat(response.at("/result/messages/0/content/text").asString())
				.contains("for Ada", "The Histories by Herodotus"));
		this.client.completePrompt("recommend_books", "genre", "sc").hasResultAt("/completion/values", "[\"SCIENCE\"]");
	}

}
