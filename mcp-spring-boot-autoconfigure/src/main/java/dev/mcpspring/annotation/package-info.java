/**
 * Annotations that turn Spring bean methods into MCP tools, resources, prompts and
 * completions.
 */
@NullMarked
package dev.mcpspring.annotation;

import org.jspecify.annotations.NullMarked;
