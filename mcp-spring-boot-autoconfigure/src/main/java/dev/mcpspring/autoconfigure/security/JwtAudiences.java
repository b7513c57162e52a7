package dev.mcpspring.autoconfigure.security;

import java.util.Collection;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The audience check of the MCP filter chains: every JWT they accept must name the MCP
 * resource in {@code aud} (or one of Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.audiences} when set), whichever
 * decoder decoded it. Boot's own decoder already checks that; a decoder the application
 * declares, or the one a Spring Authorization Server in the same application provides,
 * may not, and a token issued for another service must never be accepted.
 *
 * @author MCP Spring Boot team
 */
final class JwtAudiences {

	private static final String BOOT_AUDIENCES = "spring.security.oauth2.resourceserver.jwt.audiences";

	private final OAuth2TokenValidator<Jwt> validator;

	private JwtAudiences(Collection<String> audiences) {
		this.validator = new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
				(aud) -> aud != null && aud.stream().anyMatch(audiences::contains));
	}

	/**
	 * Return the check for the audiences configured in the environment.
	 * @param environment the environment
	 * @param properties the MCP security properties, for the resource
	 * @return the check
	 */
	static JwtAudiences of(Environment environment, McpSecurityProperties properties) {
		List<String> audiences = Binder.get(environment)
			.bind(BOOT_AUDIENCES, Bindable.listOf(String.class))
			.orElse(List.of());
		if (audiences.isEmpty()) {
			audiences = List.of(properties.determineResource());
		}
		return new JwtAudiences(audiences);
	}

	ReactiveJwtDecoder check(ReactiveJwtDecoder decoder) {
		return (token) -> decoder.decode(token).flatMap((jwt) -> {
			OAuth2TokenValidatorResult result = this.validator.validate(jwt);
			return result.hasErrors() ? Mono.error(invalid(result)) : Mono.just(jwt);
		});
	}

	JwtDecoder check(JwtDecoder decoder) {
		return (token) -> {
			Jwt jwt = decoder.decode(token);
			OAuth2TokenValidatorResult result = this.validator.validate(jwt);
			if (result.hasErrors()) {
				throw invalid(result);
			}
			return jwt;
		};
	}

	private static JwtValidationException invalid(OAuth2TokenValidatorResult result) {
		return new JwtValidationException("The token was not issued for this resource", result.getErrors());
	}

}
