package dev.mcpspring.openapi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mcpspring.model.Tool;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link OpenApiToolFactory}: names, schemas and filters from documents written
 * for the purpose.
 */
class OpenApiToolFactoryTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TREES = """
			openapi: 3.1.0
			info: {title: Trees, version: "1"}
			servers: [{url: /relative}, {url: "https://trees.example.test/v1"}]
			paths:
			  /trees/{tree id}/nodes:
			    parameters:
			      - $ref: '#/components/parameters/TreeId'
			    get:
			      tags: [read]
			      parameters:
			        - {name: depth, in: query, schema: {type: [integer, "null"]}}
			        - {name: session, in: cookie, schema: {type: string}}
			      responses:
			        '200':
			          description: the tree
			          content:
			            application/json:
			              schema: {$ref: '#/components/schemas/Node'}
			    post:
			      tags: [write]
			      requestBody:
			        $ref: '#/components/requestBodies/NewNode'
			      responses:
			        '201':
			          description: created
			          content:
			            application/problem+json:
			              schema: {type: object, properties: {id: {type: string}}}
			components:
			  parameters:
			    TreeId: {name: tree id, in: path, required: true, description: the tree, schema: {type: string}}
			  requestBodies:
			    NewNode:
			      required: true
			      content:
			        application/json:
			          schema: {$ref: '#/components/schemas/Node'}
			  schemas:
			    Node:
			      type: object
			      x-internal: true
			      properties:
			        label: {type: string, example: oak}
			        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
			""";

	private static final String LEGACY = """
			openapi: 3.0.3
			info: {title: Legacy, version: "1"}
			paths:
			  /things:
			    get:
			      operationId: list things!
			      parameters:
			        - {name: name, in: query, schema: {type: string, nullable: true}}
			      responses:
			        '200': {description: ok}
			""";

	private final OpenApiToolFactory factory = new OpenApiToolFactory(WebClient.create(), JSON);

	@Test
	void nameFallsBackToMethodAndPathAndIsSanitized() {
		assertThat(names(source("trees_", OperationFilter.ALL), TREES)).containsExactly("trees_get_trees_tree_id_nodes",
				"trees_post_trees_tree_id_nodes");
		assertThat(names(source("", OperationFilter.ALL), LEGACY)).containsExactly("list_things");
	}

	@Test
	void referencedParametersAndBodiesAreResolvedAndCookiesLeftOut() {
		Tool get = tool(TREES, "get_trees_tree_id_nodes");
		assertThat(get.inputSchema()).isEqualTo(JSON.readTree("""
				{"type":"object","properties":{"tree id":{"type":"string","description":"the tree"},
				"depth":{"type":["integer","null"]}},"required":["tree id"]}"""));
		Tool post = tool(TREES, "post_trees_tree_id_nodes");
		assertThat(post.inputSchema().at("/properties/body/properties/label")).isEqualTo(JSON.readTree("""
				{"type":"string","examples":["oak"]}"""));
		assertThat(post.inputSchema().path("required")).isEqualTo(JSON.readTree("[\"tree id\",\"body\"]"));
	}

	@Test
	void recursiveSchemaEndsInAPlainObject() {
		Tool get = tool(TREES, "get_trees_tree_id_nodes");
		assertThat(get.outputSchema()).isEqualTo(JSON.readTree("""
				{"type":"object","properties":{"label":{"type":"string","examples":["oak"]},
				"children":{"type":"array","items":{"type":"object","description":"Node (recursive)"}}}}"""));
		assertThat(tool(TREES, "post_trees_tree_id_nodes").outputSchema()).as("+json counts as JSON").isNotNull();
	}

	@Test
	void nullableOfOpenApi30BecomesANullType() {
		assertThat(tool(LEGACY, "list_things").inputSchema().at("/properties/name")).isEqualTo(JSON.readTree("""
				{"type":["string","null"]}"""));
		assertThat(tool(LEGACY, "list_things").outputSchema()).isNull();
	}

	@Test
	void filterSelectsByTagMethodAndPath() {
		OperationFilter writes = new OperationFilter(List.of(), List.of(), List.of("write"), List.of(), List.of(),
				List.of());
		assertThat(names(source("", writes), TREES)).containsExactly("post_trees_tree_id_nodes");
		OperationFilter noPost = new OperationFilter(List.of(), List.of("/trees/**"), List.of(), List.of("post"),
				List.of(), List.of());
		assertThat(names(source("", noPost), TREES)).containsExactly("get_trees_tree_id_nodes");
		OperationFilter otherPath = new OperationFilter(List.of(), List.of(), List.of(), List.of(),
				List.of("/trees/*/nodes"), List.of());
		assertThat(names(source("", otherPath), TREES)).isEmpty();
	}

	@Test
	void operationTagsBecomeToolTags() {
		Map<OpenApiToolHandler, Set<String>> tools = this.factory
			.createTools(source("", OperationFilter.ALL).withBaseUrl(), parse(TREES));
		assertThat(tools.values()).containsExactly(Set.of("read"), Set.of("write"));
	}

	@Test
	void documentWithoutAbsoluteServerNeedsABaseUrl() {
		OpenApiSource source = new OpenApiSource("legacy", "memory", null, "", Map.of(), OperationFilter.ALL,
				Duration.ofSeconds(1));
		assertThatIllegalStateException().isThrownBy(() -> this.factory.createTools(source, parse(LEGACY)))
			.withMessage("OpenAPI source 'legacy' has no absolute server URL: "
					+ "set mcp.server.openapi.sources.legacy.base-url");
	}

	private Tool tool(String document, String name) {
		return this.factory.createTools(source("", OperationFilter.ALL).withBaseUrl(), parse(document))
			.keySet()
			.stream()
			.map(OpenApiToolHandler::getTool)
			.filter((tool) -> tool.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private List<String> names(TestSource source, String document) {
		return this.factory.createTools(source.withBaseUrl(), parse(document))
			.keySet()
			.stream()
			.map((handler) -> handler.getTool().name())
			.toList();
	}

	private static TestSource source(String prefix, OperationFilter filter) {
		return new TestSource(prefix, filter);
	}

	private static OpenAPI parse(String document) {
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		return new OpenAPIParser().readContents(document, null, options).getOpenAPI();
	}

	private record TestSource(String prefix, OperationFilter filter) {

		OpenApiSource withBaseUrl() {
			return new OpenApiSource("test", "memory", "http://127.0.0.1:1", this.prefix, Map.of(), this.filter,
					Duration.ofSeconds(1));
		}

	}

}
