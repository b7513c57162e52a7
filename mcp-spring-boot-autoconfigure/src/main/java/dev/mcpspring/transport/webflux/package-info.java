/**
 * The Streamable HTTP transport on Spring WebFlux.
 */
@NullMarked
package dev.mcpspring.transport.webflux;

import org.jspecify.annotations.NullMarked;
