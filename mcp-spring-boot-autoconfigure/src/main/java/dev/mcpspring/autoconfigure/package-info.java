/**
 * Spring Boot auto-configuration of the MCP server.
 */
@NullMarked
package dev.mcpspring.autoconfigure;

import org.jspecify.annotations.NullMarked;
