package dev.mcpspring.security.servlet;

import java.util.List;

import dev.mcpspring.security.ApiKeyAuthenticationManager;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.util.Assert;

/**
 * Builds the servlet {@link SecurityFilterChain} of the MCP endpoints only, with the
 * rules of {@link dev.mcpspring.security.McpSecurityConfigurer} on WebFlux: stateless,
 * without CSRF, every request but a CORS preflight authenticated by a JWT, an
 * introspected opaque token or an API key, and {@code 401} answered by the
 * {@link McpBearerTokenEntryPoint}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpSecurityConfigurer {

	private final List<String> paths;

	private final McpBearerTokenEntryPoint entryPoint;

	private @Nullable JwtDecoder jwtDecoder;

	private @Nullable OpaqueTokenIntrospector introspector;

	private @Nullable ApiKeyAuthenticationManager apiKeyManager;

	private @Nullable ApiKeyAuthenticationConverter apiKeyConverter;

	/**
	 * Create a configurer.
	 * @param paths the paths of the MCP endpoints
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
	public McpSecurityConfigurer jwt(@Nullable JwtDecoder jwtDecoder) {
		this.jwtDecoder = jwtDecoder;
		return this;
	}

	/**
	 * Accept opaque access tokens, checked by introspection.
	 * @param introspector the introspector, or {@code null}
	 * @return this configurer
	 */
	public McpSecurityConfigurer opaqueToken(@Nullable OpaqueTokenIntrospector introspector) {
		this.introspector = introspector;
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
	 * @throws Exception if Spring Security cannot build it
	 */
	public SecurityFilterChain build(HttpSecurity http) throws Exception {
		Assert.state(this.jwtDecoder != null || this.introspector != null || this.apiKeyManager != null,
				"MCP security needs a JWT decoder, an opaque token introspector or API keys");
		http.securityMatcher(this.paths.toArray(String[]::new))
			.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(this.entryPoint))
			.authorizeHttpRequests((
					requests) -> requests.requestMatchers(HttpMethod.OPTIONS).permitAll().anyRequest().authenticated());
		if (this.jwtDecoder != null || this.introspector != null) {
			http.oauth2ResourceServer((resourceServer) -> {
				resourceServer.authenticationEntryPoint(this.entryPoint);
				if (this.jwtDecoder != null) {
					resourceServer.jwt((jwt) -> jwt.decoder(this.jwtDecoder));
				}
				else {
					resourceServer.opaqueToken((opaque) -> opaque.introspector(this.introspector));
				}
			});
		}
		if (this.apiKeyManager != null && this.apiKeyConverter != null) {
			http.addFilterBefore(apiKeyFilter(this.apiKeyManager, this.apiKeyConverter), AuthorizationFilter.class);
		}
		return http.build();
	}

	/**
	 * The API key check. The manager answers at once, without I/O, so waiting for it on
	 * the container thread costs nothing.
	 */
	private AuthenticationFilter apiKeyFilter(ApiKeyAuthenticationManager manager,
			ApiKeyAuthenticationConverter converter) {
		AuthenticationManager blocking = (authentication) -> manager.authenticate(authentication).block();
		AuthenticationFilter filter = new AuthenticationFilter(blocking, converter);
		filter.setSuccessHandler((request, response, authentication) -> {
		});
		filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(this.entryPoint));
		filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
		return filter;
	}

}
