package dev.mcpspring.security;

import org.springframework.boot.WebApplicationType;

/**
 * The end-to-end {@link McpSecurityIntegrationTests} with the MCP server as a servlet web
 * application on Tomcat: the same tokens, answers and challenges through the servlet
 * filter chain of {@code McpServletSecurityAutoConfiguration}.
 */
class McpServletSecurityIntegrationTests extends McpSecurityIntegrationTests {

	@Override
	WebApplicationType mcpWebApplicationType() {
		return WebApplicationType.SERVLET;
	}

}
