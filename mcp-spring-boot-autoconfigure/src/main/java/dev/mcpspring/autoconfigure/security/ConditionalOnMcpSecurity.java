package dev.mcpspring.autoconfigure.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when MCP security is configured: a JWT issuer URI, JWK set URI or public key
 * location, an opaque token introspection URI
 * ({@code spring.security.oauth2.resourceserver.*}), API keys
 * ({@code mcp.server.security.api-keys}), or a token decoder bean declared by the
 * application: {@code ReactiveJwtDecoder}, {@code ReactiveOpaqueTokenIntrospector} or
 * {@code ReactiveAuthenticationManager} on WebFlux, {@code JwtDecoder} or
 * {@code OpaqueTokenIntrospector} on Spring MVC.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnMcpSecurityCondition.class)
public @interface ConditionalOnMcpSecurity {

}
