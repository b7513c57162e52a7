/**
 * Performance suite: JMH microbenchmarks of the hot path, and the servers the load
 * scripts drive.
 */
@NullMarked
package dev.mcpspring.benchmarks;

import org.jspecify.annotations.NullMarked;
