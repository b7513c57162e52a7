/**
 * Auto-configuration of remote OpenAPI documents as MCP tools.
 */
@NullMarked
package dev.mcpspring.autoconfigure.openapi;

import org.jspecify.annotations.NullMarked;
