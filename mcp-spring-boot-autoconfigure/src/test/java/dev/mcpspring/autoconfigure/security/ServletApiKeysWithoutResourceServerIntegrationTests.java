package dev.mcpspring.autoconfigure.security;

import org.springframework.boot.WebApplicationType;

/**
 * The {@link ApiKeysWithoutResourceServerIntegrationTests} with the MCP server as a
 * servlet web application on Tomcat, where the keys are checked by the servlet filter
 * chain of {@link McpServletSecurityAutoConfiguration}.
 */
class ServletApiKeysWithoutResourceServerIntegrationTests extends ApiKeysWithoutResourceServerIntegrationTests {

	@Override
	WebApplicationType webApplicationType() {
		return WebApplicationType.SERVLET;
	}

}
