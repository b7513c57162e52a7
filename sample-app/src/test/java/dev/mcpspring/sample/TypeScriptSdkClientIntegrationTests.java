package dev.mcpspring.sample;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The {@link TypeScriptSdkClientSuite} against the bookshop started by the test on a
 * random port.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TypeScriptSdkClientIntegrationTests extends TypeScriptSdkClientSuite {

	@LocalServerPort
	private int port;

	@Override
	String mcpUrl() {
		return "http://localhost:" + this.port + "/mcp";
	}

}
