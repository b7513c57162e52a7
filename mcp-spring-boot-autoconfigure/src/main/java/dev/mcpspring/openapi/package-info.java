/**
 * Operations of a remote OpenAPI document offered as MCP tools that call the API.
 */
@NullMarked
package dev.mcpspring.openapi;

import org.jspecify.annotations.NullMarked;
