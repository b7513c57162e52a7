/**
 * What a running server reports about itself: the startup line with its endpoints,
 * transports and features, a warning when no transport serves it, and the wiring of
 * traffic logging.
 */
@NullMarked
package dev.mcpspring.autoconfigure.startup;

import org.jspecify.annotations.NullMarked;
