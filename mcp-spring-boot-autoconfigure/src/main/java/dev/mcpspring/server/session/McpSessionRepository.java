package dev.mcpspring.server.session;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps sessions between requests. The in-memory implementation suits a single instance;
 * a shared store lets any replica serve a session. Implementations signal a store that
 * cannot be reached with {@link SessionStoreUnavailableException}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public interface McpSessionRepository {

	/**
	 * Store a new session.
	 * @param session the session
	 * @return the stored session, or an error of {@link SessionLimitExceededException}
	 * when the store is full
	 */
	Mono<McpSession> save(McpSession session);

	/**
	 * Find a live session and record its use.
	 * @param id the session id
	 * @return the session, or empty if unknown, deleted or expired
	 */
	Mono<McpSession> findById(String id);

	/**
	 * Save the changes made to a session found earlier: log level, initialization and
	 * subscriptions. Stores that hand out shared instances have nothing to do.
	 * @param session the changed session
	 * @return completes when saved
	 */
	Mono<Void> update(McpSession session);

	/**
	 * Return the ids of the live sessions subscribed to a resource.
	 * @param uri the resource URI
	 * @return the session ids
	 */
	Flux<String> findSubscribers(String uri);

	/**
	 * Delete a session.
	 * @param id the session id
	 * @return {@code true} if a session was deleted
	 */
	Mono<Boolean> deleteById(String id);

	/**
	 * Return the number of live sessions.
	 * @return the count
	 */
	Mono<Long> count();

}
