package dev.mcpspring.sample;

import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.spec.McpClientTransport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Drives the sample's {@code conformance} profile with the official MCP Java SDK client
 * over the legacy HTTP+SSE transport of revision 2024-11-05 ({@code GET /sse}, then
 * {@code POST} to the endpoint the first event names).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "mcp.server.transport.sse.enabled=true")
@ActiveProfiles("conformance")
class LegacySseJavaSdkIntegrationTests extends JavaSdkConformanceSuite {

	@LocalServerPort
	private int port;

	@Override
	McpClientTransport createTransport() {
		return HttpClientSseClientTransport.builder("http://localhost:" + this.port)
			.sseEndpoint("/sse")
			.connectTimeout(TIMEOUT)
			.build();
	}

	@Override
	String expectedProtocolVersion() {
		return "2024-11-05";
	}

}
