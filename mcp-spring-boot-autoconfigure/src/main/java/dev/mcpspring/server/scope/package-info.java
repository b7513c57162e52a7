/**
 * The OAuth scopes each tool, prompt and resource requires, which security filters and
 * authorizes against.
 */
@NullMarked
package dev.mcpspring.server.scope;

import org.jspecify.annotations.NullMarked;
