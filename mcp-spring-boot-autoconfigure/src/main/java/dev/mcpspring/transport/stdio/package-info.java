/**
 * The stdio transport: newline-delimited JSON-RPC on standard input and output.
 */
@NullMarked
package dev.mcpspring.transport.stdio;

import org.jspecify.annotations.NullMarked;
