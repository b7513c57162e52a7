/**
 * Proxies of remote MCP servers: their tools, prompts and resources served by this one,
 * through the official MCP Java SDK client.
 */
@NullMarked
package dev.mcpspring.proxy;

import org.jspecify.annotations.NullMarked;
