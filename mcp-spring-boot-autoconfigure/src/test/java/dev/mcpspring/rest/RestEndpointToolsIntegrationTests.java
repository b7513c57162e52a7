package dev.mcpspring.rest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import dev.mcpspring.annotation.McpExposed;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A small REST API exposed as tools with {@code @McpExposed} and
 * {@code mcp.server.rest.*}, behind Spring Security, driven by the official MCP Java SDK
 * client over Streamable HTTP with an API key.
 */
@TestInstance(Lifecycle.PER_CLASS)
class RestEndpointToolsIntegrationTests {

	private static final String KEY = "k3y-0f-the-rest-test-0123456789";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ConfigurableApplicationContext context;

	private McpSyncClient client;

	private Map<String, JsonNode> tools;

	private int port;

	@BeforeAll
	void start() {
		this.context = new SpringApplicationBuilder(RestApplication.class).web(WebApplicationType.REACTIVE)
			.run("--server.port=0", "--spring.main.banner-mode=off", "--mcp.server.security.api-keys.ci.key=" + KEY,
					"--mcp.server.security.resource=http://127.0.0.1" + basePath() + "/mcp",
					"--mcp.server.rest.include.paths=/api/books/**", "--mcp.server.rest.exclude.methods=DELETE",
					"--spring.web.error.include-message=always", "--spring.web.error.include-binding-errors=always",
					"--spring.webflux.base-path=" + basePath());
		this.port = this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
			.builder("http://127.0.0.1:" + this.port)
			.endpoint(basePath() + "/mcp")
			.requestBuilder(HttpRequest.newBuilder().header("X-API-Key", KEY))
			.connectTimeout(TIMEOUT)
			.build();
		this.client = McpClient.sync(transport)
			.clientInfo(new Implementation("rest-integration-test", "1.0.0"))
			.requestTimeout(TIMEOUT)
			.enableCallToolSchemaCaching(true)
			.build();
		this.client.initialize();
		this.tools = this.client.listTools()
			.tools()
			.stream()
			.collect(Collectors.toMap(Tool::name, (tool) -> JSON.valueToTree(tool)));
	}

	/**
	 * Boot's {@code spring.webflux.base-path} of the application, ahead of every path.
	 */
	String basePath() {
		return "";
	}

	@AfterAll
	void stop() {
		if (this.client != null) {
			this.client.closeGracefully();
		}
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void annotatedAndIncludedEndpointsAreTools() {
		assertThat(this.tools.keySet()).containsExactlyInAnyOrder("book", "search", "add_book", "whoami");
	}

	@Test
	void schemasComeFromTheParametersAndTheReturnType() {
		assertThat(this.tools.get("book").path("inputSchema")).isEqualTo(JSON.readTree("""
				{"type":"object","properties":{"isbn":{"type":"string"}},"required":["isbn"]}"""));
		assertThat(this.tools.get("book").path("description").asString())
			.isEqualTo("GET " + basePath() + "/api/books/{isbn}");
		assertThat(this.tools.get("book").at("/outputSchema/properties/pages/type").asString()).isEqualTo("integer");
		assertThat(this.tools.get("book").at("/annotations/readOnlyHint").asBoolean()).isTrue();
		JsonNode search = this.tools.get("search").path("inputSchema");
		assertThat(search.path("required")).isEqualTo(JSON.readTree("[\"query\"]"));
		assertThat(search.at("/properties/limit")).isEqualTo(JSON.readTree("""
				{"type":"integer","default":10,"minimum":1,"maximum":50}"""));
		assertThat(this.tools.get("search").at("/outputSchema/properties/result/type").asString()).isEqualTo("array");
		JsonNode add = this.tools.get("add_book");
		assertThat(add.path("description").asString()).isEqualTo("Adds a book to the catalog");
		assertThat(add.at("/inputSchema/required")).isEqualTo(JSON.readTree("[\"body\"]"));
		assertThat(add.at("/inputSchema/properties/body/properties/isbn/pattern").asString())
			.isEqualTo("^(?:\\d{13})$");
		assertThat(add.at("/inputSchema/properties/body/properties/pages/minimum").asInt()).isEqualTo(1);
	}

	@Test
	void getEndpointsChosenAsResourcesAreResourcesAndTemplates() {
		assertThat(this.client.listResources().resources()).singleElement().satisfies((resource) -> {
			assertThat(resource.uri()).isEqualTo("rest://app/api/shelves");
			assertThat(resource.name()).isEqualTo("shelves");
		});
		assertThat(this.client.listResourceTemplates().resourceTemplates()).singleElement().satisfies((template) -> {
			assertThat(template.uriTemplate()).isEqualTo("rest://app/api/shelves/{name}");
			assertThat(template.description()).isEqualTo("One shelf and who looks after it");
		});
	}

	@Test
	void resourceReadsGoThroughTheHttpStackAsTheCaller() {
		ReadResourceResult list = this.client.readResource(new ReadResourceRequest("rest://app/api/shelves"));
		assertThat(((TextResourceContents) list.contents().get(0)).text()).isEqualTo("[\"fiction\",\"poetry\"]");
		ReadResourceResult shelf = this.client.readResource(new ReadResourceRequest("rest://app/api/shelves/poetry"));
		TextResourceContents contents = (TextResourceContents) shelf.contents().get(0);
		assertThat(contents.uri()).isEqualTo("rest://app/api/shelves/poetry");
		assertThat(contents.mimeType()).isEqualTo("application/json");
		assertThat(JSON.readTree(contents.text())).isEqualTo(JSON.readTree("""
				{"name":"poetry","keeper":"ci"}"""));
	}

	@Test
	void resourceAnsweredWithNotFoundIsAnUnknownResource() {
		assertThatExceptionOfType(McpError.class)
			.isThrownBy(() -> this.client.readResource(new ReadResourceRequest("rest://app/api/shelves/history")))
			.satisfies((ex) -> assertThat(ex.getJsonRpcError().code()).isEqualTo(-32002));
	}

	@Test
	void callsGoThroughTheHttpStack() {
		JsonNode added = call("add_book",
				Map.of("body", Map.of("isbn", "9780000000001", "title", "Dune", "pages", 412)));
		assertThat(added.path("isError").asBoolean(false)).as("%s", added).isFalse();
		assertThat(added.at("/structuredContent/title").asString()).isEqualTo("Dune");
		JsonNode found = call("book", Map.of("isbn", "9780000000001"));
		assertThat(found.at("/structuredContent/pages").asInt()).isEqualTo(412);
		JsonNode searched = call("search", Map.of("query", "du ne", "limit", 5));
		assertThat(searched.path("isError").asBoolean(false)).as("%s", searched).isFalse();
		assertThat(searched.at("/structuredContent/result/0/title").asString()).isEqualTo("Dune");
	}

	@Test
	void notFoundIsAToolErrorWithTheMessage() {
		JsonNode result = call("book", Map.of("isbn", "9789999999999"));
		assertThat(result.path("isError").asBoolean()).isTrue();
		assertThat(text(result)).isEqualTo("GET " + basePath()
				+ "/api/books/{isbn} answered HTTP 404: Not Found; No book with ISBN 9789999999999");
	}

	@Test
	void invalidBodyIsAToolErrorNamingTheField() {
		JsonNode result = call("add_book", Map.of("body", Map.of("isbn", "9780000000002", "title", "X", "pages", 0)));
		assertThat(result.path("isError").asBoolean()).as("%s", result).isTrue();
		assertThat(text(result)).startsWith("POST " + basePath() + "/api/books answered HTTP 400: Bad Request")
			.contains("pages: must be greater than or equal to 1");
	}

	@Test
	void invalidQueryParameterIsAToolError() {
		JsonNode result = call("search", Map.of("query", "dune", "limit", 500));
		assertThat(result.path("isError").asBoolean()).as("%s", result).isTrue();
		assertThat(text(result)).startsWith("GET " + basePath() + "/api/books answered HTTP 400");
	}

	@Test
	void callerAuthenticationIsTheInProcessRequestsOwn() throws Exception {
		HttpResponse<String> anonymous = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + basePath() + "/api/whoami"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		JsonNode result = call("whoami", Map.of());
		assertThat(result.path("isError").asBoolean(false)).as("%s", result).isFalse();
		assertThat(text(result)).isEqualTo("ci");
	}

	private JsonNode call(String tool, Map<String, Object> arguments) {
		return JSON.valueToTree(this.client.callTool(new CallToolRequest(tool, arguments)));
	}

	private static String text(JsonNode result) {
		return result.at("/content/0/text").asString();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class RestApplication {

		@Bean
		BooksController booksController() {
			return new BooksController();
		}

		@Bean
		WhoAmIController whoAmIController() {
			return new WhoAmIController();
		}

		@Bean
		ShelvesController shelvesController() {
			return new ShelvesController();
		}

		@Bean
		SecurityWebFilterChain apiSecurity(ServerHttpSecurity http) {
			return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**"))
				.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
				.httpBasic((basic) -> {
				})
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.build();
		}

	}

	record Book(String isbn, String title, int pages) {

	}

	record NewBook(@NotBlank @Pattern(regexp = "\\d{13}") String isbn, @NotBlank String title, @Min(1) int pages) {

	}

	@RestController
	@RequestMapping("/api/books")
	static class BooksController {

		private final Map<String, Book> books = new ConcurrentHashMap<>();

		@GetMapping("/{isbn}")
		Book book(@PathVariable String isbn) {
			Book book = this.books.get(isbn);
			if (book == null) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No book with ISBN " + isbn);
			}
			return book;
		}

		@GetMapping
		List<Book> search(@RequestParam String query, @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
			String words = query.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
			return this.books.values()
				.stream()
				.filter((book) -> book.title().toLowerCase(java.util.Locale.ROOT).contains(words))
				.limit(limit)
				.toList();
		}

		@PostMapping
		@McpExposed(name = "add_book", description = "Adds a book to the catalog")
		Book add(@Valid @RequestBody NewBook book) {
			Book added = new Book(book.isbn(), book.title(), book.pages());
			this.books.put(added.isbn(), added);
			return added;
		}

		@DeleteMapping("/{isbn}")
		void delete(@PathVariable String isbn) {
			this.books.remove(isbn);
		}

	}

	record Shelf(String name, String keeper) {

	}

	@RestController
	@RequestMapping("/api/shelves")
	static class ShelvesController {

		@GetMapping
		@McpExposed(name = "shelves", resource = true)
		List<String> shelves() {
			return List.of("fiction", "poetry");
		}

		@GetMapping("/{name}")
		@McpExposed(name = "shelf", description = "One shelf and who looks after it", resource = true)
		Shelf shelf(@PathVariable String name, Principal principal) {
			if (!name.equals("fiction") && !name.equals("poetry")) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No shelf " + name);
			}
			return new Shelf(name, principal.getName());
		}

	}

	@RestController
	@McpExposed
	static class WhoAmIController {

		@GetMapping("/api/whoami")
		String whoami(Principal principal) {
			return principal.getName();
		}

	}

}
