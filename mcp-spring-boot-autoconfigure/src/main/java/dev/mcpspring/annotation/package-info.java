/**
 * Annotations that turn Spring bean methods into MCP tools.
 */
@NullMarked
package dev.mcpspring.annotation;

import org.jspecify.annotations.NullMarked;
