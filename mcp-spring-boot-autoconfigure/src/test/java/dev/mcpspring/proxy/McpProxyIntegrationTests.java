package dev.mcpspring.proxy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.Tool;
import dev.mcpspring.server.ToolCall;
import dev.mcpspring.server.ToolHandler;
import dev.mcpspring.server.ToolRegistry;
import dev.mcpspring.test.EchoServerApplication;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server that proxies another one, both running on real Netty, driven by the official
 * MCP Java SDK client: the upstream features are served under a prefix next to the local
 * ones, calls carry their progress, list changes travel, and a slow or dead upstream
 * server gives a clear tool error in time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpProxyIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private ConfigurableApplicationContext upstream;

	private ConfigurableApplicationContext proxy;

	private McpSyncClient client;

	private final List<List<McpSchema.Tool>> toolListChanges = new CopyOnWriteArrayList<>();

	private final List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();

	@BeforeAll
	void startServers() {
		this.upstream = startUpstream(0);
		this.proxy = new SpringApplicationBuilder(EchoServerApplication.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "spring.main.banner-mode=off",
					"mcp.server.proxy.servers.up.url=http://127.0.0.1:" + port(this.upstream) + "/mcp",
					"mcp.server.proxy.servers.up.request-timeout=1s")
			.run();
	}

	@BeforeEach
	void connect() {
		this.client = McpClient
			.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port(this.proxy)).build())
			.requestTimeout(TIMEOUT)
			.progressConsumer(this.progress::add)
			.toolsChangeConsumer(this.toolListChanges::add)
			.build();
		this.client.initialize();
		await().atMost(TIMEOUT).until(() -> toolNames().contains("up_shout"));
	}

	@AfterEach
	void disconnect() {
		this.client.closeGracefully();
	}

	@AfterAll
	void stopServers() {
		this.proxy.close();
		this.upstream.close();
	}

	@Test
	void servesTheUpstreamFeaturesUnderItsPrefixNextToTheLocalOnes() {
		assertThat(toolNames()).contains("echo", "up_shout", "up_count", "up_sleep");
		assertThat(this.client.listPrompts().prompts()).extracting(McpSchema.Prompt::name).containsExactly("up_greet");
		assertThat(this.client.listResources().resources()).extracting(McpSchema.Resource::uri)
			.containsExactly("up+docs://readme");
		assertThat(this.client.listResourceTemplates().resourceTemplates())
			.extracting(McpSchema.ResourceTemplate::uriTemplate)
			.containsExactly("up+docs://pages/{name}");
		McpSchema.Tool shout = this.client.listTools()
			.tools()
			.stream()
			.filter((tool) -> tool.name().equals("up_shout"))
			.findFirst()
			.orElseThrow();
		assertThat(shout.description()).isEqualTo("Repeats a text");
		assertThat(shout.inputSchema()).extractingByKey("properties")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsKey("text");
	}

	@Test
	void forwardsCallsAndTheirAnswers() {
		assertThat(text(call("up_shout", Map.of("text", "hi")))).isEqualTo("HI");
		assertThat(text(call("echo", Map.of("text", "hi")))).isEqualTo("echo hi");
		McpSchema.GetPromptResult prompt = this.client
			.getPrompt(new McpSchema.GetPromptRequest("up_greet", Map.of("who", "Ada")));
		assertThat(((McpSchema.TextContent) prompt.messages().get(0).content()).text()).isEqualTo("Hello Ada");
		McpSchema.ReadResourceResult readme = this.client
			.readResource(new McpSchema.ReadResourceRequest("up+docs://readme"));
		assertThat(readme.contents()).singleElement().satisfies((contents) -> {
			assertThat(contents.uri()).isEqualTo("up+docs://readme");
			assertThat(((McpSchema.TextResourceContents) contents).text()).isEqualTo("read me");
		});
		McpSchema.ReadResourceResult page = this.client
			.readResource(new McpSchema.ReadResourceRequest("up+docs://pages/intro"));
		assertThat(page.contents()).singleElement().satisfies((contents) -> {
			assertThat(contents.uri()).isEqualTo("up+docs://pages/intro");
			assertThat(((McpSchema.TextResourceContents) contents).text()).isEqualTo("page intro");
		});
	}

	@Test
	void carriesTheUpstreamProgressToTheCaller() {
		McpSchema.CallToolResult result = this.client.callTool(
				McpSchema.CallToolRequest.builder().name("up_count").arguments(Map.of()).progressToken("mine").build());
		assertThat(text(result)).isEqualTo("counted");
		this.progress.removeIf((notification) -> !"mine".equals(notification.progressToken()));
		// the Java SDK's sync client hands each notification to the consumer on a thread
		// of its own, so the
		// order seen here is not the order on the wire
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.progress).extracting(McpSchema.ProgressNotification::message)
				.contains("step 3"));
		assertThat(this.progress).extracting(McpSchema.ProgressNotification::progressToken).containsOnly("mine");
		assertThat(this.progress).extracting(McpSchema.ProgressNotification::message)
			.isSubsetOf("step 1", "step 2", "step 3")
			.doesNotHaveDuplicates();
	}

	@Test
	void aToolAddedUpstreamIsAnnouncedToClients() {
		ToolRegistry upstreamTools = this.upstream.getBean(ToolRegistry.class);
		upstreamTools.register(new AddedTool());
		await().atMost(TIMEOUT)
			.until(() -> this.toolListChanges.stream()
				.anyMatch((tools) -> tools.stream().anyMatch((tool) -> tool.name().equals("up_added"))));
		assertThat(text(call("up_added", Map.of()))).isEqualTo("added");
		upstreamTools.remove("added");
		await().atMost(TIMEOUT).until(() -> !toolNames().contains("up_added"));
	}

	@Test
	void anUpstreamServerThatDoesNotAnswerInTimeGivesAToolError() {
		long start = System.nanoTime();
		McpSchema.CallToolResult result = call("up_sleep", Map.of("millis", 10_000));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(result.isError()).isTrue();
		assertThat(text(result)).isEqualTo("Upstream MCP server 'up' did not answer within 1000 ms");
		assertThat(text(call("up_shout", Map.of("text", "still there")))).isEqualTo("STILL THERE");
	}

	@Test
	void anUpstreamServerThatStoppedGivesAToolErrorAndIsReachedAgainOnceBack() {
		int port = port(this.upstream);
		this.upstream.close();
		McpSchema.CallToolResult result = call("up_shout", Map.of("text", "hi"));
		assertThat(result.isError()).isTrue();
		assertThat(text(result)).isEqualTo("Upstream MCP server 'up' is unavailable");
		this.upstream = startUpstream(port);
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(text(call("up_shout", Map.of("text", "hi")))).isEqualTo("HI"));
	}

	private static ConfigurableApplicationContext startUpstream(int port) {
		return new SpringApplicationBuilder(UpstreamServerApplication.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=" + port, "spring.main.banner-mode=off")
			.run();
	}

	private List<String> toolNames() {
		return this.client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
	}

	private McpSchema.CallToolResult call(String name, Map<String, Object> arguments) {
		return this.client.callTool(new McpSchema.CallToolRequest(name, arguments));
	}

	private static String text(McpSchema.CallToolResult result) {
		return ((McpSchema.TextContent) result.content().get(0)).text();
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static final class AddedTool implements ToolHandler {

		private static final ObjectNode NO_ARGUMENTS = new JsonMapper().createObjectNode().put("type", "object");

		@Override
		public Tool getTool() {
			return new Tool("added", null, "Added at run time", NO_ARGUMENTS, null, null, null, null);
		}

		@Override
		public Mono<CallToolResult> call(ToolCall call) {
			return Mono.just(CallToolResult.of(dev.mcpspring.model.Content.text("added")));
		}

	}

}
