/**
 * The MCP HTTP transports on a servlet container, such as a Spring MVC application's
 * Tomcat: the WebFlux handlers served through Spring's servlet adapter.
 */
@NullMarked
package dev.mcpspring.transport.webmvc;

import org.jspecify.annotations.NullMarked;
