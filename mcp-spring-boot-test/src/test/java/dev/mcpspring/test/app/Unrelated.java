package dev.mcpspring.test.app;

import org.springframework.stereotype.Component;

/**
 * A bean with no MCP feature: an {@code @McpServerTest} does not scan it.
 */
@Component
public class Unrelated {

}
