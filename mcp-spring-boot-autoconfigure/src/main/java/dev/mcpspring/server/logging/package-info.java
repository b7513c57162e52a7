/**
 * Diagnostic logging of the MCP messages a server exchanges, with secrets redacted (not
 * the MCP logging capability, which sends log messages to clients).
 */
@NullMarked
package dev.mcpspring.server.logging;

import org.jspecify.annotations.NullMarked;
