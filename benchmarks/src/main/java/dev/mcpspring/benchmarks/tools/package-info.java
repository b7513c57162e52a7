/**
 * The tools every benchmarked server exposes: {@code echo}, {@code add}, {@code text10k},
 * and a record-typed {@code quote} with Jakarta constraints.
 */
@NullMarked
package dev.mcpspring.benchmarks.tools;

import org.jspecify.annotations.NullMarked;
