/**
 * JSON Schema generation for tool inputs and outputs.
 */
@NullMarked
package dev.mcpspring.schema;

import org.jspecify.annotations.NullMarked;
