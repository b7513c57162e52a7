package dev.mcpspring.test.app;

import dev.mcpspring.server.McpSessionService;
import dev.mcpspring.test.McpServerTest;
import dev.mcpspring.test.McpTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slice: MCP features and what they import, an in-process client, no web server.
 */
@McpServerTest
@Import(Greeter.class)
class McpServerTestTests extends AbstractMcpTestClientTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private ObjectProvider<McpTestClient> clients;

	@Override
	McpTestClient client() {
		return this.clients.getObject();
	}

	@Test
	void startsOnlyTheMcpFeaturesAndWhatTheyImport() {
		assertThat(this.context.getBeansOfType(GreetingTools.class)).hasSize(1);
		assertThat(this.context.getBeansOfType(Greeter.class)).hasSize(1);
		assertThat(this.context.getBeansOfType(Unrelated.class)).isEmpty();
		assertThat(this.context.getBeansOfType(McpSessionService.class)).hasSize(1);
		assertThat(this.context).isNotInstanceOf(WebServerApplicationContext.class);
	}

	@Test
	void givesEachInjectionPointANewClient() {
		assertThat(this.clients.getObject()).isNotSameAs(this.clients.getObject());
	}

}
