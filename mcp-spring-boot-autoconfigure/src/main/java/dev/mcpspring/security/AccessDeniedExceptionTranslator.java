package dev.mcpspring.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.server.InsufficientScopeException;
import dev.mcpspring.server.McpException;
import dev.mcpspring.server.McpExceptionTranslator;
import dev.mcpspring.server.McpRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ExpressionAuthorizationDecision;
import org.springframework.security.core.GrantedAuthority;

/**
 * Turns an {@link AccessDeniedException} of a handler, such as a refusal by
 * {@code @PreAuthorize} on a tool bean, into the answer a client can act on instead of a
 * generic internal error. When the refusal names scopes ({@code SCOPE_} authorities in
 * {@code hasAuthority('SCOPE_admin')} or an authority decision), the caller gets the
 * {@code insufficient_scope} path: {@code 403} with a step-up challenge for those scopes
 * plus the granted ones over HTTP. Otherwise the request fails with a JSON-RPC
 * {@code Access denied} error.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class AccessDeniedExceptionTranslator implements McpExceptionTranslator {

	private static final Pattern SCOPE_AUTHORITY = Pattern
		.compile("['\"]" + GrantedScopes.AUTHORITY_PREFIX + "([^'\"\\s]+)['\"]");

	private final AccessDeniedListener listener;

	/**
	 * Create a translator.
	 * @param listener hears of each refusal
	 */
	public AccessDeniedExceptionTranslator(AccessDeniedListener listener) {
		this.listener = listener;
	}

	@Override
	public @Nullable McpException translate(Throwable ex, McpRequest request) {
		AccessDeniedException denied = accessDenied(ex);
		if (denied == null) {
			return null;
		}
		Set<String> named = scopesNamedBy(denied);
		this.listener.accessDenied(request, named, named.isEmpty() ? "access_denied" : "insufficient_scope");
		if (named.isEmpty()) {
			return new McpException(JsonRpcErrorCodes.INVALID_REQUEST, "Access denied");
		}
		Set<String> challenge = new LinkedHashSet<>(GrantedScopes.of(request.principal()));
		challenge.addAll(named);
		return new InsufficientScopeException(challenge, request.message().id());
	}

	private static @Nullable AccessDeniedException accessDenied(Throwable ex) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (current instanceof AccessDeniedException denied) {
				return denied;
			}
		}
		return null;
	}

	/**
	 * Return the scopes a refusal names: the {@code SCOPE_} authorities of an authority
	 * decision, or the quoted {@code SCOPE_} literals of a security expression.
	 */
	static Set<String> scopesNamedBy(AccessDeniedException denied) {
		Set<String> scopes = new LinkedHashSet<>();
		if (!(denied instanceof AuthorizationDeniedException authorization)) {
			return scopes;
		}
		AuthorizationResult result = authorization.getAuthorizationResult();
		if (result instanceof AuthorityAuthorizationDecision decision) {
			addScopes(decision.getAuthorities(), scopes);
		}
		else if (result instanceof ExpressionAuthorizationDecision decision) {
			Matcher matcher = SCOPE_AUTHORITY.matcher(decision.getExpression().getExpressionString());
			while (matcher.find()) {
				scopes.add(matcher.group(1));
			}
		}
		return scopes;
	}

	private static void addScopes(Collection<GrantedAuthority> authorities, Set<String> scopes) {
		for (GrantedAuthority authority : authorities) {
			String name = authority.getAuthority();
			if (name != null && name.startsWith(GrantedScopes.AUTHORITY_PREFIX)) {
				scopes.add(name.substring(GrantedScopes.AUTHORITY_PREFIX.length()));
			}
		}
	}

}
