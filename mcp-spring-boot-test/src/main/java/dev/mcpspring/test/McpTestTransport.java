package dev.mcpspring.test;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How {@link McpTestClient} reaches the server: in-process or over HTTP.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
interface McpTestTransport {

	/**
	 * Send one message of the client.
	 * @param message a request, a notification or a response
	 * @param session the session state of the client, updated with the id an
	 * {@code initialize} request starts
	 * @return for a request, what the server sends while serving it followed by the
	 * response; empty for other messages
	 */
	Flux<JsonNode> send(ObjectNode message, McpTestSession session);

	/**
	 * End the session of the client.
	 * @param session the session state
	 * @return completes once ended
	 */
	Mono<Void> close(McpTestSession session);

}
