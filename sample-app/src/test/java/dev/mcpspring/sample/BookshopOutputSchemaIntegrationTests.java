package dev.mcpspring.sample;

import java.util.List;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static dev.mcpspring.sample.BookshopExpectations.DUNE;
import static dev.mcpspring.sample.BookshopExpectations.JSON;

/**
 * The structured results of the bookshop tools match their output schemas, including an
 * order confirmation whose {@code @Nullable} tracking number is {@code null}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BookshopOutputSchemaIntegrationTests extends AbstractOutputSchemaIntegrationTests {

	private static final String ORDER = """
			{"order": {"customerEmail": "ada@example.com", "lines": [{"isbn": "%s", "quantity": 2}]}}"""
		.formatted(DUNE);

	@Override
	protected String sampleArguments(String tool, McpHttpScript script) throws Exception {
		return switch (tool) {
			case "add" -> "{\"a\": 2, \"b\": 3}";
			case "search_books" -> "{\"query\": \"e\", \"genre\": \"FICTION\"}";
			case "place_order" -> ORDER;
			case "order_status" -> {
				String placed = script.toolsCall("place_order", ORDER).body();
				String orderId = JSON.readTree(placed).at("/result/structuredContent/orderId").asString();
				yield "{\"orderId\": \"" + orderId + "\"}";
			}
			default -> null;
		};
	}

	@Override
	protected List<String> structuredTools() {
		return List.of("add", "search_books", "place_order", "order_status");
	}

}
