/**
 * Handler methods: Spring bean methods invoked to serve MCP requests, and the resolvers
 * that supply their arguments.
 */
@NullMarked
package dev.mcpspring.method;

import org.jspecify.annotations.NullMarked;
