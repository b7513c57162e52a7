/**
 * HTTP transport pieces shared by the web stacks: header names and request checks.
 */
@NullMarked
package dev.mcpspring.transport.support;

import org.jspecify.annotations.NullMarked;
