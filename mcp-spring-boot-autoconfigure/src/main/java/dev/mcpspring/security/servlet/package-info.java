/**
 * OAuth 2.1 resource server support and API keys for MCP on a servlet container, such as
 * a Spring MVC application: the servlet twins of the WebFlux security classes.
 */
@NullMarked
package dev.mcpspring.security.servlet;

import org.jspecify.annotations.NullMarked;
