package dev.mcpspring.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.mcpspring.annotation.McpHeader;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.server.McpContext;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session attributes and request headers seen by tools, driven by the official MCP Java
 * SDK client over Streamable HTTP (issue 18).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SessionContextJavaSdkIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	@Test
	void attributeKeptBetweenCallsOfOneClientIsInvisibleToAnother() {
		McpSyncClient first = connect(Map.of());
		McpSyncClient second = connect(Map.of());
		try {
			assertThat(text(first, "remember", Map.of("name", "shelf", "value", "science fiction")))
				.isEqualTo("stored shelf");
			assertThat(text(first, "recall", Map.of("name", "shelf"))).isEqualTo("science fiction");
			assertThat(text(second, "recall", Map.of("name", "shelf"))).isEqualTo("nothing");
		}
		finally {
			first.closeGracefully();
			second.closeGracefully();
		}
	}

	@Test
	void headerReachesToolButAuthorizationDoesNot() {
		McpSyncClient client = connect(Map.of("X-Tenant", "acme", "Authorization", "Bearer secret"));
		try {
			assertThat(text(client, "tenant", Map.of())).isEqualTo("tenant=acme authorization=null");
		}
		finally {
			client.closeGracefully();
		}
	}

	private McpSyncClient connect(Map<String, String> headers) {
		HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
			.builder("http://localhost:" + this.port)
			.endpoint("/mcp")
			.httpRequestCustomizer((request, method, uri, body, context) -> headers.forEach(request::header))
			.connectTimeout(TIMEOUT)
			.build();
		McpSyncClient client = McpClient.sync(transport)
			.clientInfo(new Implementation("java-sdk-context-test", "1.0.0"))
			.requestTimeout(TIMEOUT)
			.initializationTimeout(TIMEOUT)
			.build();
		client.initialize();
		return client;
	}

	private static String text(McpSyncClient client, String tool, Map<String, Object> arguments) {
		CallToolResult result = client.callTool(new CallToolRequest(tool, arguments));
		assertThat(result.isError()).as(result.toString()).isNotEqualTo(Boolean.TRUE);
		List<?> content = result.content();
		return ((TextContent) content.get(0)).text();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ContextToolsConfiguration {

		@Bean
		ContextTools contextTools() {
			return new ContextTools();
		}

	}

	static class ContextTools {

		@McpTool(description = "Remember a value for this client")
		String remember(String name, String value, McpContext context) {
			context.putAttribute(name, value);
			return "stored " + name;
		}

		@McpTool(description = "Recall a value remembered for this client")
		String recall(String name, McpContext context) {
			String value = context.getAttribute(name, String.class);
			return (value != null) ? value : "nothing";
		}

		@McpTool(description = "Show the tenant header")
		String tenant(@McpHeader("X-Tenant") @Nullable String tenant,
				@McpHeader("Authorization") @Nullable String authorization) {
			return "tenant=" + tenant + " authorization=" + authorization;
		}

	}

}
