package dev.mcpspring.test.app;

import java.util.Map;

import dev.mcpspring.test.AutoConfigureMcpTestClient;
import dev.mcpspring.test.McpTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same suite over real HTTP, against the whole application on Netty, and the
 * in-process client that {@code @AutoConfigureMcpTestClient} adds to a
 * {@code @SpringBootTest}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMcpTestClient
class McpTestClientHttpTests extends AbstractMcpTestClientTests {

	@LocalServerPort
	private int port;

	@Autowired
	private McpTestClient inProcessClient;

	@Override
	McpTestClient client() {
		return McpTestClient.http(WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build());
	}

	@Test
	void endsTheSessionWithDelete() {
		McpTestClient client = client();
		client.callTool("echo", Map.of("text", "hi")).isSuccess();
		assertThat(client.getSessionId()).isNotBlank();
		client.close();
		assertThat(client.getSessionId()).isNull();
	}

	@Test
	void autoConfiguresAnInProcessClientBesideTheServer() {
		this.inProcessClient.callTool("echo", Map.of("text", "in-process")).isSuccess().hasText("in-process");
	}

}
