/**
 * Auto-configuration of the {@code mcp} health indicator.
 */
@NullMarked
package dev.mcpspring.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
