/**
 * The application's own WebFlux REST endpoints offered as MCP tools, called in-process
 * through its HTTP stack.
 */
@NullMarked
package dev.mcpspring.rest;

import org.jspecify.annotations.NullMarked;
