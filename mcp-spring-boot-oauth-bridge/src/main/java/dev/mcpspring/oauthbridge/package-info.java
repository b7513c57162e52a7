/**
 * An authorization server for MCP clients that federates the user's login to an upstream
 * identity provider: open dynamic client registration, resource indicators and
 * audience-bound access tokens on Spring Authorization Server.
 */
@NullMarked
package dev.mcpspring.oauthbridge;

import org.jspecify.annotations.NullMarked;
