package dev.mcpspring.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample app serving two real upstream MCP servers next to its own tools: a server
 * written with the official TypeScript SDK over Streamable HTTP, and the sample's
 * conformance fixture as a stdio process (the packaged jar). Driven by the official MCP
 * Java SDK client. Runs after {@code package}, which builds the jar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class McpProxyIT {

	private static final Path JAR = Path.of("target", "sample-app.jar").toAbsolutePath();

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	private Process typeScriptServer;

	private ConfigurableApplicationContext app;

	private McpSyncClient client;

	private final List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();

	@BeforeAll
	void start() throws IOException {
		assumeTrue(Files.isRegularFile(JAR), () -> JAR + " is built by 'package' before the integration tests");
		this.typeScriptServer = new ProcessBuilder("node", "ts-sdk-v1-upstream-server.mjs")
			.directory(NodeClientScript.DIRECTORY.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		String ready = new BufferedReader(
				new InputStreamReader(this.typeScriptServer.getInputStream(), StandardCharsets.UTF_8))
			.readLine();
		int port = JsonMapper.shared().readTree(ready).path("port").asInt();
		this.app = new SpringApplicationBuilder(BookshopApplication.class).properties("server.port=0",
				"spring.main.banner-mode=off", "mcp.server.proxy.servers.ts.url=http://127.0.0.1:" + port + "/mcp",
				"mcp.server.proxy.servers.ts.request-timeout=5s",
				"mcp.server.proxy.servers.bookshop.command=" + javaExecutable(),
				"mcp.server.proxy.servers.bookshop.args[0]=-jar", "mcp.server.proxy.servers.bookshop.args[1]=" + JAR,
				"mcp.server.proxy.servers.bookshop.args[2]=--mcp.server.transport.stdio.enabled=true",
				"mcp.server.proxy.servers.bookshop.args[3]=--spring.profiles.active=conformance",
				"mcp.server.proxy.servers.bookshop.request-timeout=90s")
			.run();
		int appPort = this.app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		this.client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + appPort).build())
			.requestTimeout(TIMEOUT)
			.progressConsumer(this.progress::add)
			.build();
		this.client.initialize();
		await().atMost(TIMEOUT)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> toolNames().containsAll(List.of("ts_add", "bookshop_test_simple_text")));
	}

	@AfterAll
	void stop() {
		if (this.client != null) {
			this.client.closeGracefully();
		}
		if (this.app != null) {
			this.app.close();
		}
		if (this.typeScriptServer != null) {
			this.typeScriptServer.destroyForcibly();
		}
	}

	@Test
	@Order(1)
	void servesBothUpstreamServersUnderTheirPrefixesNextToItsOwnTools() {
		assertThat(toolNames()).contains("search_books", "place_order", "ts_add", "ts_countdown",
				"bookshop_test_simple_text", "bookshop_test_tool_with_progress");
		assertThat(this.client.listPrompts().prompts()).extracting(McpSchema.Prompt::name)
			.contains("bookshop_test_simple_prompt");
		assertThat(this.client.listResources().resources()).extracting(McpSchema.Resource::uri)
			.contains("bookshop+test://static-text");
	}

	@Test
	@Order(2)
	void forwardsCallsToEachUpstreamServer() {
		assertThat(text(this.client.callTool(new McpSchema.CallToolRequest("ts_add", Map.of("a", 2, "b", 3)))))
			.isEqualTo("5");
		assertThat(text(this.client.callTool(new McpSchema.CallToolRequest("bookshop_test_simple_text", Map.of()))))
			.isEqualTo("This is a simple text response for testing.");
		McpSchema.ReadResourceResult read = this.client
			.readResource(new McpSchema.ReadResourceRequest("bookshop+test://static-text"));
		assertThat(read.contents()).singleElement()
			.extracting(McpSchema.ResourceContents::uri)
			.isEqualTo("bookshop+test://static-text");
	}

	@Test
	@Order(3)
	void carriesProgressFromBothUpstreamServers() {
		McpSchema.CallToolResult countdown = this.client.callTool(McpSchema.CallToolRequest.builder()
			.name("ts_countdown")
			.arguments(Map.of())
			.progressToken("ts")
			.build());
		assertThat(text(countdown)).isEqualTo("liftoff");
		McpSchema.CallToolResult fixture = this.client.callTool(McpSchema.CallToolRequest.builder()
			.name("bookshop_test_tool_with_progress")
			.arguments(Map.of())
			.progressToken("stdio")
			.build());
		assertThat(fixture.isError()).isNotEqualTo(Boolean.TRUE);
		// the last notification always gets through; the sync client may show them out of
		// order
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.progress).extracting(McpSchema.ProgressNotification::message)
				.contains("tick 3", "Done"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.progress).extracting(McpSchema.ProgressNotification::progressToken)
				.contains("ts", "stdio")
				.containsOnly("ts", "stdio"));
	}

	@Test
	@Order(4)
	void anUpstreamServerKilledMidCallGivesAToolErrorWithinTheTimeout() throws Exception {
		CompletableFuture<McpSchema.CallToolResult> call = CompletableFuture
			.supplyAsync(() -> this.client.callTool(new McpSchema.CallToolRequest("ts_hang", Map.of())));
		Thread.sleep(500);
		long killed = System.nanoTime();
		this.typeScriptServer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		McpSchema.CallToolResult result = call.get(30, TimeUnit.SECONDS);
		assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(10));
		assertThat(result.isError()).isTrue();
		assertThat(text(result)).startsWith("Upstream MCP server 'ts' ");
		assertThat(text(this.client.callTool(new McpSchema.CallToolRequest("bookshop_test_simple_text", Map.of()))))
			.as("the other upstream server is not affected")
			.isEqualTo("This is a simple text response for testing.");
	}

	private List<String> toolNames() {
		return this.client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
	}

	private static String text(McpSchema.CallToolResult result) {
		return ((McpSchema.TextContent) result.content().get(0)).text();
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
