/**
 * Auto-configuration of the MCP OAuth bridge.
 */
@NullMarked
package dev.mcpspring.oauthbridge.autoconfigure;

import org.jspecify.annotations.NullMarked;
