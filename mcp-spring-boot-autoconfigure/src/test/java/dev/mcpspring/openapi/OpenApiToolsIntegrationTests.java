package dev.mcpspring.openapi;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.mcpspring.test.EchoServerApplication;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Petstore 3 document, served by a local HTTP server, turned into tools and
 * driven by the official MCP Java SDK client over Streamable HTTP.
 */
@TestInstance(Lifecycle.PER_CLASS)
class OpenApiToolsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> OPERATIONS = List.of("addPet", "updatePet", "findPetsByStatus", "findPetsByTags",
			"getPetById", "updatePetWithForm", "deletePet", "uploadFile", "getInventory", "placeOrder", "getOrderById",
			"deleteOrder", "createUser", "createUsersWithListInput", "loginUser", "logoutUser", "getUserByName",
			"updateUser", "deleteUser");

	private PetstoreServer petstore;

	private ConfigurableApplicationContext context;

	private McpSyncClient client;

	private Map<String, JsonNode> tools;

	@BeforeAll
	void start() throws IOException {
		this.petstore = new PetstoreServer();
		this.petstore.addPet(1, "doggie", "available");
		this.petstore.addPet(2, "kitty", "sold");
		String url = this.petstore.url();
		this.context = new SpringApplicationBuilder(EchoServerApplication.class).web(WebApplicationType.REACTIVE)
			.run("--server.port=0", "--spring.main.banner-mode=off",
					"--mcp.server.openapi.sources.petstore.location=" + url + "/openapi.yaml",
					"--mcp.server.openapi.sources.petstore.base-url=" + url + "/api/v3",
					"--mcp.server.openapi.sources.petstore.headers.X-Api-Key=petstore-key",
					"--mcp.server.openapi.sources.petstore.bearer-token=configured-token",
					"--mcp.server.openapi.sources.slow.location=classpath:openapi/petstore.yaml",
					"--mcp.server.openapi.sources.slow.base-url=" + url + "/slow/api/v3",
					"--mcp.server.openapi.sources.slow.prefix=slow_",
					"--mcp.server.openapi.sources.slow.include.paths=/store/inventory",
					"--mcp.server.openapi.sources.slow.timeout=500ms",
					"--mcp.server.openapi.sources.down.location=classpath:openapi/petstore.yaml",
					"--mcp.server.openapi.sources.down.base-url=http://127.0.0.1:" + closedPort() + "/api/v3",
					"--mcp.server.openapi.sources.down.prefix=down_",
					"--mcp.server.openapi.sources.down.include.tags=store",
					"--mcp.server.openapi.sources.down.include.methods=GET",
					"--mcp.server.openapi.sources.down.exclude.paths=/store/order/**");
		int port = this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
			.builder("http://127.0.0.1:" + port)
			.endpoint("/mcp")
			.requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer caller-token"))
			.connectTimeout(TIMEOUT)
			.build();
		this.client = McpClient.sync(transport)
			.clientInfo(new Implementation("openapi-integration-test", "1.0.0"))
			.requestTimeout(TIMEOUT)
			.enableCallToolSchemaCaching(true)
			.build();
		this.client.initialize();
		this.tools = this.client.listTools()
			.tools()
			.stream()
			.collect(Collectors.toMap(Tool::name, (tool) -> JSON.valueToTree(tool)));
	}

	@AfterAll
	void stop() {
		if (this.client != null) {
			this.client.closeGracefully();
		}
		if (this.context != null) {
			this.context.close();
		}
		if (this.petstore != null) {
			this.petstore.close();
		}
	}

	@Test
	void everyOperationIsATool() {
		assertThat(this.tools.keySet()).containsAll(OPERATIONS)
			.contains("echo", "slow_getInventory", "down_getInventory")
			.hasSize(OPERATIONS.size() + 3);
		this.tools.values()
			.forEach((tool) -> assertThat(tool.at("/inputSchema/type").asString()).as("%s", tool).isEqualTo("object"));
	}

	@Test
	void pathParameterIsARequiredArgument() {
		JsonNode tool = this.tools.get("getPetById");
		assertThat(tool.path("description").asString()).isEqualTo("Find pet by ID.\n\nReturns a single pet.");
		assertThat(tool.path("inputSchema")).isEqualTo(JSON.readTree("""
				{"type":"object","properties":{"petId":{"type":"integer","format":"int64",
				"description":"ID of pet to return"}},"required":["petId"]}"""));
		assertThat(tool.at("/annotations/readOnlyHint").asBoolean()).isTrue();
		assertThat(tool.at("/annotations/openWorldHint").asBoolean()).isTrue();
	}

	@Test
	void outputSchemaIsTheResolvedJsonObjectOfTheSuccessResponse() {
		JsonNode output = this.tools.get("getPetById").path("outputSchema");
		assertThat(output.path("type").asString()).isEqualTo("object");
		assertThat(output.path("required")).isEqualTo(JSON.readTree("[\"name\",\"photoUrls\"]"));
		assertThat(output.at("/properties/category/properties/name/type").asString()).isEqualTo("string");
		assertThat(output.at("/properties/tags/items/properties/id/type").asString()).isEqualTo("integer");
		assertThat(output.at("/properties/status/enum"))
			.isEqualTo(JSON.readTree("[\"available\",\"pending\",\"sold\"]"));
		assertThat(output.toString()).doesNotContain("$ref", "\"xml\"", "\"example\"", "x-swagger-router-model");
		assertThat(this.tools.get("getInventory").at("/outputSchema/additionalProperties/type").asString())
			.isEqualTo("integer");
		assertThat(this.tools.get("findPetsByStatus").has("outputSchema")).as("an array is no output schema").isFalse();
		assertThat(this.tools.get("deleteOrder").has("outputSchema")).isFalse();
	}

	@Test
	void jsonRequestBodyIsTheBodyArgument() {
		JsonNode input = this.tools.get("addPet").path("inputSchema");
		assertThat(input.path("required")).isEqualTo(JSON.readTree("[\"body\"]"));
		assertThat(input.at("/properties/body/description").asString()).isEqualTo("Create a new pet in the store");
		assertThat(input.at("/properties/body/properties/name/type").asString()).isEqualTo("string");
		assertThat(input.at("/properties/body/properties/category/type").asString()).isEqualTo("object");
		assertThat(this.tools.get("createUsersWithListInput").at("/inputSchema/properties/body/type").asString())
			.isEqualTo("array");
		assertThat(this.tools.get("uploadFile").at("/inputSchema/properties").propertyNames())
			.as("a binary body is no argument")
			.containsExactly("petId", "additionalMetadata");
	}

	@Test
	void queryAndHeaderParametersAreArguments() {
		assertThat(this.tools.get("findPetsByStatus").at("/inputSchema")).isEqualTo(JSON.readTree("""
				{"type":"object","properties":{"status":{"type":"string","default":"available",
				"enum":["available","pending","sold"],
				"description":"Status values that need to be considered for filter"}}}"""));
		assertThat(this.tools.get("findPetsByTags").at("/inputSchema/properties/tags/type").asString())
			.isEqualTo("array");
		assertThat(this.tools.get("deletePet").at("/inputSchema/properties").propertyNames())
			.containsExactlyInAnyOrder("api_key", "petId");
		assertThat(this.tools.get("deletePet").at("/annotations/destructiveHint").asBoolean()).isTrue();
	}

	@Test
	void callsGoToTheApiWithConfiguredCredentialsOnly() {
		JsonNode added = call("addPet", Map.of("body", Map.of("id", 10, "name", "rex", "status", "available",
				"photoUrls", List.of("https://example.test/rex.png"))));
		assertThat(added.at("/structuredContent/name").asString()).isEqualTo("rex");
		JsonNode found = call("getPetById", Map.of("petId", 10));
		assertThat(found.path("isError").asBoolean(false)).isFalse();
		assertThat(found.at("/structuredContent/id").asLong()).isEqualTo(10);
		JsonNode available = call("findPetsByStatus", Map.of("status", "available"));
		assertThat(available.has("structuredContent")).isFalse();
		assertThat(text(available)).contains("\"doggie\"", "\"rex\"").doesNotContain("kitty");
		JsonNode inventory = call("getInventory", Map.of());
		assertThat(inventory.at("/structuredContent/available").asInt()).isEqualTo(2);
		assertThat(inventory.at("/structuredContent/sold").asInt()).isEqualTo(1);
		JsonNode login = call("loginUser", Map.of("username", "ada lovelace", "password", "p&ss"));
		assertThat(text(login)).isEqualTo("\"logged in user session: ada lovelace\"");
		JsonNode deleted = call("deletePet", Map.of("petId", 10, "api_key", "delete-key"));
		assertThat(deleted.path("isError").asBoolean(false)).as("%s", deleted).isFalse();
		List<PetstoreServer.Request> requests = this.petstore.requests()
			.stream()
			.filter((request) -> request.uri().startsWith("/api/v3/"))
			.toList();
		assertThat(requests).extracting(PetstoreServer.Request::uri)
			.contains("/api/v3/pet/10", "/api/v3/pet/findByStatus?status=available",
					"/api/v3/user/login?username=ada%20lovelace&password=p%26ss");
		assertThat(requests).allSatisfy((request) -> {
			assertThat(request.header("X-Api-Key")).isEqualTo("petstore-key");
			assertThat(request.header("Authorization")).isEqualTo("Bearer configured-token");
		});
		assertThat(requests).filteredOn((request) -> request.method().equals("DELETE"))
			.singleElement()
			.satisfies((request) -> assertThat(request.header("api_key")).isEqualTo("delete-key"));
		assertThat(requests).filteredOn((request) -> request.method().equals("POST"))
			.singleElement()
			.satisfies((request) -> assertThat(JSON.readTree(request.body()).path("name").asString()).isEqualTo("rex"));
	}

	@Test
	void errorStatusIsAToolErrorWithTheStatusAndTheStartOfTheBody() {
		JsonNode missing = call("getPetById", Map.of("petId", 404));
		assertThat(missing.path("isError").asBoolean()).isTrue();
		assertThat(text(missing)).isEqualTo("GET /pet/{petId} on OpenAPI source 'petstore' answered HTTP 404: "
				+ "{\"code\":404,\"message\":\"Pet not found\"}");
		JsonNode failed = call("getUserByName", Map.of("username", "user1"));
		assertThat(failed.path("isError").asBoolean()).isTrue();
		assertThat(text(failed)).startsWith("GET /user/{username} on OpenAPI source 'petstore' answered HTTP 500: xxx")
			.endsWith("x…")
			.hasSizeLessThan(OpenApiToolHandler.MAX_ERROR_EXCERPT + 100);
	}

	@Test
	void answerLargerThanTheBufferIsAToolError() {
		JsonNode result = call("findPetsByTags", Map.of("tags", List.of("big")));
		assertThat(result.path("isError").asBoolean()).isTrue();
		assertThat(text(result))
			.startsWith("GET /pet/findByTags on OpenAPI source 'petstore' answered more than the client buffers");
	}

	@Test
	void unreachableApiIsAToolError() {
		JsonNode result = call("down_getInventory", Map.of());
		assertThat(result.path("isError").asBoolean()).isTrue();
		assertThat(text(result)).startsWith("GET /store/inventory on OpenAPI source 'down' failed: ")
			.containsIgnoringCase("refused");
	}

	@Test
	void slowApiIsAToolErrorAfterTheTimeout() {
		long start = System.nanoTime();
		JsonNode result = call("slow_getInventory", Map.of());
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_900));
		assertThat(result.path("isError").asBoolean()).isTrue();
		assertThat(text(result)).isEqualTo("GET /store/inventory on OpenAPI source 'slow' did not answer within 500ms");
	}

	@Test
	void missingRequiredArgumentIsAToolError() {
		JsonNode result = call("getPetById", Map.of());
		assertThat(result.path("isError").asBoolean()).as("%s", result).isTrue();
		assertThat(text(result)).contains("petId");
	}

	private JsonNode call(String tool, Map<String, Object> arguments) {
		return JSON.valueToTree(this.client.callTool(new CallToolRequest(tool, arguments)));
	}

	private static String text(JsonNode result) {
		return result.at("/content/0/text").asString();
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
