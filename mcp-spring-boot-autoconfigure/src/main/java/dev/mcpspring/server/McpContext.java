package dev.mcpspring.server;

import java.security.Principal;
import java.util.List;
import java.util.Set;

import dev.mcpspring.model.CreateMessageResult;
import dev.mcpspring.model.ElicitResult;
import dev.mcpspring.model.LoggingLevel;
import dev.mcpspring.model.ReadResourceResult;
import dev.mcpspring.model.Root;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a handler method can learn about, and do within, the request it serves. Declare a
 * parameter of this type on any {@code @McpTool}, {@code @McpResource} or
 * {@code @McpPrompt} method.
 * <p>
 * Requests to the client return a {@link Mono}: compose it in reactive handlers, or call
 * {@code block()} in blocking ones, which never run on an event-loop thread. They fail
 * with {@link ClientCapabilityException} when the client did not declare the capability,
 * and with an {@link McpException} when it answers with an error or too late. On a
 * session they are sent to the client as requests; on a stateless request (revision
 * 2026-07-28) the same calls become an {@code InputRequiredResult}, and the handler runs
 * again when the client retries with the answers, so handlers must be safe to re-run up
 * to the point where they ask.
 * <p>
 * Session attributes keep small JSON values for the client between its calls. They are
 * saved through the session store once the request is answered, so with a shared store
 * any instance sees them. Requests without a session (the stateless revision, or sessions
 * disabled) fail with {@link SessionAttributesUnavailableException}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public interface McpContext {

	/**
	 * Return the JSON-RPC id of the request being served.
	 * @return the id, a string or number node
	 */
	JsonNode getRequestId();

	/**
	 * Return the id of the session, if the request belongs to one.
	 * @return the session id, or {@code null}
	 */
	@Nullable String getSessionId();

	/**
	 * Return the protocol revision the request is served under.
	 * @return the revision date
	 */
	String getProtocolVersion();

	/**
	 * Return the {@code clientInfo} the client sent.
	 * @return the client name and version, or {@code null}
	 */
	@Nullable JsonNode getClientInfo();

	/**
	 * Return the capabilities the client declared.
	 * @return the capabilities object, or {@code null}
	 */
	@Nullable JsonNode getClientCapabilities();

	/**
	 * Return the authenticated caller.
	 * @return the principal, or {@code null} when unauthenticated
	 */
	@Nullable Principal getPrincipal();

	/**
	 * Send a log message to the client, if its level is enabled for the session.
	 * @param level the severity
	 * @param message the message
	 */
	void log(LoggingLevel level, String message);

	/**
	 * Send a log message at {@link LoggingLevel#DEBUG}.
	 * @param message the message
	 */
	default void debug(String message) {
		log(LoggingLevel.DEBUG, message);
	}

	/**
	 * Send a log message at {@link LoggingLevel#INFO}.
	 * @param message the message
	 */
	default void info(String message) {
		log(LoggingLevel.INFO, message);
	}

	/**
	 * Send a log message at {@link LoggingLevel#WARNING}.
	 * @param message the message
	 */
	default void warning(String message) {
		log(LoggingLevel.WARNING, message);
	}

	/**
	 * Send a log message at {@link LoggingLevel#ERROR}.
	 * @param message the message
	 */
	default void error(String message) {
		log(LoggingLevel.ERROR, message);
	}

	/**
	 * Report progress, if the caller asked for it with a progress token.
	 * @param progress the progress so far, increasing with each call
	 * @param total the total, or {@code null} if unknown
	 * @param message a description of the current step, or {@code null}
	 */
	void progress(double progress, @Nullable Double total, @Nullable String message);

	/**
	 * Ask the client's model to generate a message from a single user prompt.
	 * @param prompt the user text
	 * @param maxTokens the maximum number of tokens to generate
	 * @return the generated message
	 */
	Mono<CreateMessageResult> sample(String prompt, int maxTokens);

	/**
	 * Send a {@code sampling/createMessage} request with full control of its parameters.
	 * @param params the request parameters
	 * @return the generated message
	 */
	Mono<CreateMessageResult> sample(ObjectNode params);

	/**
	 * Ask the user to fill in a form generated from a Java type (a record or bean with
	 * primitive, string and enum properties).
	 * @param message what to ask
	 * @param type the type whose schema becomes the form and which binds the answer
	 * @param <T> the answer type
	 * @return the user's answer
	 */
	<T> Mono<ElicitResult<T>> elicit(String message, Class<T> type);

	/**
	 * Ask the user to fill in a form described by a JSON schema.
	 * @param message what to ask
	 * @param requestedSchema a flat object schema of primitive properties
	 * @return the user's answer
	 */
	Mono<ElicitResult<JsonNode>> elicit(String message, ObjectNode requestedSchema);

	/**
	 * Ask the user to open a URL, for interactions that must not pass through the client
	 * (URL mode elicitation).
	 * @param message why the user should open it
	 * @param url the URL
	 * @param elicitationId an id the server uses to correlate completion
	 * @return whether the user agreed to open it
	 */
	Mono<ElicitResult<Void>> elicitUrl(String message, String url, String elicitationId);

	/**
	 * Ask the client for its roots.
	 * @return the roots
	 */
	Mono<List<Root>> listRoots();

	/**
	 * Return a context whose next request to the client uses the given key. On stateless
	 * requests, input requests are sent in an {@code InputRequiredResult} under a key,
	 * and the client's retry answers under the same key; a stable, meaningful key such as
	 * {@code user_name} helps clients and logs. Keys default to {@code elicitation-1},
	 * {@code sampling-1}, and so on.
	 * @param key the key of the next input request
	 * @return a context using that key once
	 */
	McpContext withInputKey(String key);

	/**
	 * Return a session attribute, converted from its JSON form.
	 * @param name the attribute name
	 * @param type the type to convert the value to
	 * @param <T> the value type
	 * @return the value, or {@code null} if the session has no such attribute
	 * @throws SessionAttributesUnavailableException if the request has no session
	 */
	<T> @Nullable T getAttribute(String name, Class<T> type);

	/**
	 * Store a session attribute, replacing any of the same name. The value is kept as
	 * JSON, so it must serialize with the server's JSON mapper and read back as the type
	 * later asked for.
	 * @param name the attribute name
	 * @param value the value, or {@code null} to remove the attribute
	 * @throws SessionAttributesUnavailableException if the request has no session
	 * @throws dev.mcpspring.server.session.SessionAttributeLimitExceededException if the
	 * session would hold too many attributes or too much JSON
	 */
	void putAttribute(String name, @Nullable Object value);

	/**
	 * Remove a session attribute.
	 * @param name the attribute name
	 * @throws SessionAttributesUnavailableException if the request has no session
	 */
	void removeAttribute(String name);

	/**
	 * Return the names of the session attributes.
	 * @return the names
	 * @throws SessionAttributesUnavailableException if the request has no session
	 */
	Set<String> getAttributeNames();

	/**
	 * Read one of this server's resources.
	 * @param uri the resource URI
	 * @return the contents
	 */
	Mono<ReadResourceResult> readResource(String uri);

}
