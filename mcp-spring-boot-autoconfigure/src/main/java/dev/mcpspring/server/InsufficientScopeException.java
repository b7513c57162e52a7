package dev.mcpspring.server;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;

/**
 * Raised when the caller's token lacks the scopes a tool, prompt or resource requires.
 * The engine lets it through to the transport instead of turning it into a JSON-RPC
 * error, so HTTP transports can answer {@code 403} with an {@code insufficient_scope}
 * challenge for step-up authorization. Transports without that notion send the JSON-RPC
 * error it carries.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#runtime-insufficient-scope-errors">Runtime
 * insufficient scope errors</a>
 */
public class InsufficientScopeException extends McpException {

	private final Set<String> scopes;

	/**
	 * Create an exception.
	 * @param scopes the scopes to ask for: those required plus those already granted
	 */
	public InsufficientScopeException(Collection<String> scopes) {
		this(scopes, null);
	}

	/**
	 * Create an exception for a request, whose id the error response carries.
	 * @param scopes the scopes to ask for: those required plus those already granted
	 * @param id the id of the refused request, or {@code null}
	 */
	public InsufficientScopeException(Collection<String> scopes, @Nullable JsonNode id) {
		super(JsonRpcError.of(JsonRpcErrorCodes.INVALID_REQUEST, "Insufficient scope"), id);
		Assert.notEmpty(scopes, "Scopes are required");
		this.scopes = Set.copyOf(new LinkedHashSet<>(scopes));
	}

	/**
	 * Return the scopes the client should obtain before retrying.
	 * @return the scopes
	 */
	public Set<String> getScopes() {
		return this.scopes;
	}

	/**
	 * Return the scopes as the space-separated value of a {@code scope} parameter.
	 * @return the scope value, sorted
	 */
	public String getScopeValue() {
		return String.join(" ", this.scopes.stream().sorted().toList());
	}

}
