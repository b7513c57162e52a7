/**
 * Our MCP server, as the load scripts run it.
 */
@NullMarked
package dev.mcpspring.benchmarks.server;

import org.jspecify.annotations.NullMarked;
