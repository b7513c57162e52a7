/**
 * Auto-configuration of the application's own REST endpoints as MCP tools.
 */
@NullMarked
package dev.mcpspring.autoconfigure.rest;

import org.jspecify.annotations.NullMarked;
