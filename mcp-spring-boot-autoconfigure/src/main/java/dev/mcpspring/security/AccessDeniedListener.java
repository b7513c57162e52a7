package dev.mcpspring.security;

import java.util.Set;

import dev.mcpspring.server.McpRequest;

/**
 * Hears of MCP requests refused for lack of authority: missing scopes, or a refusal by
 * method security inside a handler. Declare a bean to audit or count refusals; with an
 * {@code AuditEventRepository}, one publishing Spring Boot audit events is declared for
 * you.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface AccessDeniedListener {

	/**
	 * Type of the audit events of refused MCP requests.
	 */
	String AUDIT_EVENT_TYPE = "MCP_ACCESS_DENIED";

	/**
	 * Called once per refused request.
	 * @param request the refused request, with its principal
	 * @param requiredScopes the scopes the caller lacks or was asked to obtain, empty
	 * when unknown
	 * @param reason why it was refused, for example {@code insufficient_scope}
	 */
	void accessDenied(McpRequest request, Set<String> requiredScopes, String reason);

	/**
	 * Return a listener that calls several in turn.
	 * @param listeners the listeners
	 * @return the composite listener
	 */
	static AccessDeniedListener of(Iterable<AccessDeniedListener> listeners) {
		return (request, scopes, reason) -> listeners
			.forEach((listener) -> listener.accessDenied(request, scopes, reason));
	}

}
