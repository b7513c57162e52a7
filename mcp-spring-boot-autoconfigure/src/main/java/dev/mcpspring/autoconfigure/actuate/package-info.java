/**
 * Auto-configuration of the {@code mcp} Actuator endpoint.
 */
@NullMarked
package dev.mcpspring.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
