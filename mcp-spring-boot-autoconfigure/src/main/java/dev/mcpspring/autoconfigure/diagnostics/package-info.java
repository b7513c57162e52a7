/**
 * Startup diagnostics: MCP features whose libraries are missing and invalid MCP
 * properties fail startup with a report that names the property and the fix.
 */
@NullMarked
package dev.mcpspring.autoconfigure.diagnostics;

import org.jspecify.annotations.NullMarked;
