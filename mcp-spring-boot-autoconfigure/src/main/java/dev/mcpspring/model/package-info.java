/**
 * The MCP protocol types this server sends, one record per schema concept.
 */
@NullMarked
package dev.mcpspring.model;

import org.jspecify.annotations.NullMarked;
