/**
 * MCP sessions and where they are kept.
 */
@NullMarked
package dev.mcpspring.server.session;

import org.jspecify.annotations.NullMarked;
