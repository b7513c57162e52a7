/**
 * JMH microbenchmarks of the hot path, each reported next to a bare Jackson baseline.
 */
@NullMarked
package dev.mcpspring.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
