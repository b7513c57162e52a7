/**
 * Auto-configuration of MCP server security: OAuth 2.1 resource server and API keys.
 */
@NullMarked
package dev.mcpspring.autoconfigure.security;

import org.jspecify.annotations.NullMarked;
