/**
 * Tools for the failover and load scripts, active in the {@code failover} profile.
 */
@NullMarked
package dev.mcpspring.sample.failover;

import org.jspecify.annotations.NullMarked;
