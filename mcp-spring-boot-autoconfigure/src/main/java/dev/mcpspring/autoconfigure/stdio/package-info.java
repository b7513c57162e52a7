/**
 * Auto-configuration of the stdio transport.
 */
@NullMarked
package dev.mcpspring.autoconfigure.stdio;

import org.jspecify.annotations.NullMarked;
