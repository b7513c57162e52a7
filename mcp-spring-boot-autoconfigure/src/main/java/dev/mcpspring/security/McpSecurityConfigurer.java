package dev.mcpspring.security;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.util.Assert;

/**
 * Builds the {@link SecurityWebFilterChain} of the MCP endpoints only, so an
 * application's other endpoints keep their own configuration: stateless, without CSRF
 * (MCP clients are not browsers sending cookies), every request authenticated by a JWT,
 * an introspected opaque token or an API key, and {@code 401} answered by the
 * {@link McpBearerTokenEntryPoint}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpSecurityConfigurer {

	private final List<String> paths;

	private final McpBearerTokenEntryPoint entryPoint;

	private @Nullable ReactiveJwtDecoder jwtDecoder;

	private @Nullable ReactiveOpaqueTokenIntrospector introspector;

	private @Nullable ApiKeyAuthenticationManager apiKeyManager;

	private @Nullable ReactiveAuthenticationManager bearerTokenManager;

	private @Nullable ApiKeyAuthenticationConverter apiKeyConverter;

	/**
	 * Create a configurer.
	 * @param paths the path patterns of the MCP endpoints
	 * @param entryPoint answers unauthenticated requests
	 */
	public McpSecurityConfigurer(List<String> paths, McpBearerTokenEntryPoint entryPoint) {
		Assert.notEmpty(paths, "MCP paths are required");
		this.paths = List.copyOf(paths);
		this.entryPoint = entryPoint;
	}

	/**
	 * Accept JWT access tokens.
	 * @param jwtDecoder decodes and validates tokens, or {@code null}
	 * @return this configurer
	 */
	public McpSecurityConfigurer jwt(@Nullable ReactiveJwtDecoder jwtDecoder) {
		this.jwtDecoder = jwtDecoder;
		return this;
	}

	/**
	 * Accept opaque access tokens, checked by introspection.
	 * @param introspector the introspector, or {@code null}
	 * @return this configurer
	 */
	public McpSecurityConfigurer opaqueToken(@Nullable ReactiveOpaqueTokenIntrospector introspector) {
		this.introspector = introspector;
		return this;
	}

	/**
	 * Accept bearer tokens checked by an authentication manager of the application, which
	 * receives them as a {@code BearerTokenAuthenticationToken}. Used when there is
	 * neither a JWT decoder nor an introspector.
	 * @param manager the manager, or {@code null}
	 * @return this configurer
	 */
	public McpSecurityConfigurer bearerTokens(@Nullable ReactiveAuthenticationManager manager) {
		this.bearerTokenManager = manager;
		return this;
	}

	/**
	 * Accept API keys.
	 * @param manager checks the keys, or {@code null}
	 * @param converter reads the keys from requests
	 * @return this configurer
	 */
	public McpSecurityConfigurer apiKeys(@Nullable ApiKeyAuthenticationManager manager,
			ApiKeyAuthenticationConverter converter) {
		this.apiKeyManager = manager;
		this.apiKeyConverter = converter;
		return this;
	}

	/**
	 * Build the filter chain.
	 * @param http Spring Security's builder
	 * @return the chain
	 */
	public SecurityWebFilterChain build(ServerHttpSecurity http) {
		Assert.state(
				this.jwtDecoder != null || this.introspector != null || this.bearerTokenManager != null
						|| this.apiKeyManager != null,
				"MCP security needs a JWT decoder, an opaque token introspector, an authentication manager or API keys");
		http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(this.paths.toArray(String[]::new)))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(this.entryPoint))
			.authorizeExchange((
					exchanges) -> exchanges.pathMatchers(HttpMethod.OPTIONS).permitAll().anyExchange().authenticated());
		if (this.jwtDecoder != null || this.introspector != null || this.bearerTokenManager != null) {
			http.oauth2ResourceServer((resourceServer) -> {
				resourceServer.authenticationEntryPoint(this.entryPoint);
				if (this.jwtDecoder != null) {
					resourceServer.jwt((jwt) -> jwt.jwtDecoder(this.jwtDecoder));
				}
				else if (this.introspector != null) {
					resourceServer.opaqueToken((opaque) -> opaque.introspector(this.introspector));
				}
				else {
					ReactiveAuthenticationManager manager = this.bearerTokenManager;
					resourceServer.authenticationManagerResolver((exchange) -> Mono.just(manager));
				}
			});
		}
		if (this.apiKeyManager != null && this.apiKeyConverter != null) {
			AuthenticationWebFilter filter = new AuthenticationWebFilter(this.apiKeyManager);
			filter.setServerAuthenticationConverter(this.apiKeyConverter);
			filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(this.entryPoint));
			filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
			http.addFilterAt(filter, SecurityWebFiltersOrder.AUTHENTICATION);
		}
		return http.build();
	}

}
