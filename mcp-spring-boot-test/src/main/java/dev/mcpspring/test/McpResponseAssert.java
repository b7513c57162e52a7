package dev.mcpspring.test;

import tools.jackson.databind.JsonNode;

/**
 * Assertions on the response to a request other than {@code tools/call}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpResponseAssert extends AbstractMcpResponseAssert<McpResponseAssert> {

	/**
	 * Create assertions on a response.
	 * @param response the JSON-RPC response
	 */
	public McpResponseAssert(JsonNode response) {
		super(response, McpResponseAssert.class);
	}

}
