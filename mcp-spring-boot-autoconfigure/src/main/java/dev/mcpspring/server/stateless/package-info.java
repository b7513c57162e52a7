/**
 * What stateless revisions (2026-07-28) need beyond sessions: the required {@code _meta},
 * the result envelope with caching hints, and multi round-trip input with its signed
 * {@code requestState}.
 */
@NullMarked
package dev.mcpspring.server.stateless;

import org.jspecify.annotations.NullMarked;
