/**
 * Auto-configuration of the Redis session store.
 */
@NullMarked
package dev.mcpspring.autoconfigure.redis;

import org.jspecify.annotations.NullMarked;
