/**
 * Auto-configuration of the observation of MCP requests and of the MCP server gauges.
 */
@NullMarked
package dev.mcpspring.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
