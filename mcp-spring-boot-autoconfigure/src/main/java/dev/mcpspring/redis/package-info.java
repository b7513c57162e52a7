/**
 * The Redis backend of a server run as several instances: sessions, stream events for
 * resumption, cross-instance messages and tasks, through Spring Data Redis.
 */
@NullMarked
package dev.mcpspring.redis;

import org.jspecify.annotations.NullMarked;
