package dev.mcpspring.server.session;

import reactor.core.publisher.Mono;

/**
 * Keeps sessions between requests. The in-memory implementation suits a single
 * instance; a shared store lets any replica serve a session.
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
