/**
 * OAuth 2.1 resource server support for MCP on WebFlux: protected resource metadata,
 * Bearer challenges, audience checks, scopes per feature and API keys.
 */
@NullMarked
package dev.mcpspring.security;

import org.jspecify.annotations.NullMarked;
