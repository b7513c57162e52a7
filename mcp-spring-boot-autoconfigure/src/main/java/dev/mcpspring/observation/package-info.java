/**
 * Micrometer Observation instrumentation of the MCP server: one observation per request,
 * named and tagged after the OpenTelemetry MCP semantic conventions, and session gauges.
 */
@NullMarked
package dev.mcpspring.observation;

import org.jspecify.annotations.NullMarked;
