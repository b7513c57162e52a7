/**
 * Test support: {@link dev.mcpspring.test.McpTestClient}, its assertions, and the
 * {@link dev.mcpspring.test.McpServerTest} slice.
 */
@NullMarked
package dev.mcpspring.test;

import org.jspecify.annotations.NullMarked;
