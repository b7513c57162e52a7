/**
 * JSON-RPC 2.0 messages and their strict codec, independent of any transport.
 */
@NullMarked
package dev.mcpspring.jsonrpc;

import org.jspecify.annotations.NullMarked;
