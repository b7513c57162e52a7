/**
 * Actuator support of the MCP server: the {@code mcp} health indicator and endpoint.
 */
@NullMarked
package dev.mcpspring.actuate;

import org.jspecify.annotations.NullMarked;
