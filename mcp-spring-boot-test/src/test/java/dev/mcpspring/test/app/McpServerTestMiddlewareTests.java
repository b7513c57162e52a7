package dev.mcpspring.test.app;

import java.util.Map;

import dev.mcpspring.server.ToolRateLimitInterceptor;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slice applies the built-in middleware of {@code mcp.server.middleware.*}.
 */
@McpServerTest(properties = { "mcp.server.middleware.rate-limits.echo.limit=1",
		"mcp.server.middleware.rate-limits.echo.period=1h" })
@Import(Greeter.class)
class McpServerTestMiddlewareTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private McpTestClient client;

	@Test
	void rateLimitsApply() {
		assertThat(this.context.getBeansOfType(ToolRateLimitInterceptor.class)).hasSize(1);
		this.client.callTool("echo", Map.of("text", "hi")).isSuccess().hasText("hi");
		this.client.callTool("echo", Map.of("text", "hi")).hasErrorCode(-32603);
	}

}
