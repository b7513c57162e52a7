/**
 * Auto-configuration of proxies of remote MCP servers.
 */
@NullMarked
package dev.mcpspring.autoconfigure.proxy;

import org.jspecify.annotations.NullMarked;
