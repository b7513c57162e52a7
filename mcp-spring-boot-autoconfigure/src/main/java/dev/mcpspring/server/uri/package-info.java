/**
 * URI templates (RFC 6570, levels 1 to 3) of resource templates: expansion of the
 * variables a client may send and matching of the URIs it reads.
 */
@NullMarked
package dev.mcpspring.server.uri;

import org.jspecify.annotations.NullMarked;
