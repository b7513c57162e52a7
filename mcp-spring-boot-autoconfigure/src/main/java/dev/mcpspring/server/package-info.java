/**
 * The transport-neutral MCP server engine: dispatch, lifecycle, registries and errors.
 */
@NullMarked
package dev.mcpspring.server;

import org.jspecify.annotations.NullMarked;
