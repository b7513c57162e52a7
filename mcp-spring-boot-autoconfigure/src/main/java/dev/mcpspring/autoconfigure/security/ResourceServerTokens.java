package dev.mcpspring.autoconfigure.security;

import dev.mcpspring.security.McpSecurityConfigurer;

/**
 * Adds OAuth 2 access token validation to the MCP filter chain. Declared only when the
 * resource server libraries are on the classpath, so that the chain itself, and API keys,
 * need nothing but Spring Security's web and config modules.
 *
 * @author MCP Spring Boot team
 */
@FunctionalInterface
interface ResourceServerTokens {

	/**
	 * Hand the token decoder or introspector, if there is one, to the configurer.
	 * @param configurer the configurer of the MCP filter chain
	 * @return whether access tokens are validated
	 */
	boolean applyTo(McpSecurityConfigurer configurer);

}
