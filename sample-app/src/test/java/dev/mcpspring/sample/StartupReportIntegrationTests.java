package dev.mcpspring.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the sample app and reads the line its log shows once it is ready: where the MCP
 * server answers, the protocol revisions, sessions and the bookshop's features.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupReportIntegrationTests {

	@Test
	void logShowsWhatTheServerServesOnceReady(CapturedOutput output) {
		try (ConfigurableApplicationContext context = SpringApplication.run(BookshopApplication.class,
				"--server.port=0", "--mcp.server.transport.sse.enabled=true")) {
			String port = context.getEnvironment().getProperty("local.server.port");
			assertThat(output)
				.contains("MCP server 'bookshop' 1.0.0 ready: Streamable HTTP at /mcp, legacy HTTP+SSE "
						+ "at /sse and /mcp/message on port " + port + "; protocol revisions 2026-07-28, 2025-11-25, "
						+ "2025-06-18, 2025-03-26, 2024-11-05; sessions on; 7 tools, 1 resource, 1 resource template, "
						+ "1 prompt")
				.doesNotContain("has no transport");
		}
	}

}
