/**
 * The floor: a plain WebFlux endpoint that parses the JSON-RPC request with Jackson and
 * answers a fixed result.
 */
@NullMarked
package dev.mcpspring.benchmarks.floor;

import org.jspecify.annotations.NullMarked;
