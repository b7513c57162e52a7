package dev.mcpspring.test;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcException;
import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import dev.mcpspring.server.McpCall;
import dev.mcpspring.server.McpClientChannel;
import dev.mcpspring.server.McpSessionService;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * Reaches the server without a socket, through the public contract transports use:
 * {@link McpSessionService#accept}, then {@link McpSessionService#serve serve} or
 * {@link McpSessionService#deliver deliver}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
final class InProcessMcpTestTransport implements McpTestTransport {

	private final McpSessionService service;

	private final JsonRpcCodec codec;

	InProcessMcpTestTransport(McpSessionService service, JsonRpcCodec codec) {
		Assert.notNull(service, "McpSessionService is required");
		Assert.notNull(codec, "JsonRpcCodec is required");
		this.service = service;
		this.codec = codec;
	}

	@Override
	public Flux<JsonNode> send(ObjectNode message, McpTestSession session) {
		JsonRpcMessage decoded;
		try {
			decoded = this.codec.decode(message);
		}
		catch (JsonRpcException ex) {
			return Flux.just(tree(JsonRpcResponse.failure(ex.getId(), ex.getError())));
		}
		return this.service.accept(decoded, session.getSessionId(), session.getProtocolVersionHeader(), null)
			.flatMapMany((call) -> dispatch(call, session))
			.onErrorResume(JsonRpcException.class, (ex) -> Flux
				.just(tree(JsonRpcResponse.failure((ex.getId() != null) ? ex.getId() : idOf(decoded), ex.getError()))));
	}

	private static @Nullable JsonNode idOf(JsonRpcMessage message) {
		return (message instanceof JsonRpcRequest request) ? request.id() : null;
	}

	private Flux<JsonNode> dispatch(McpCall call, McpTestSession session) {
		if (call.isListen()) {
			return this.service.listen(call).map(this::tree);
		}
		if (!call.isRequest()) {
			return this.service.deliver(call).thenMany(Flux.empty());
		}
		return Flux.create((sink) -> {
			McpClientChannel channel = (message) -> sink.next(tree(message));
			this.service.serve(call, channel).subscribe((response) -> {
				if (response.createdSession() != null) {
					session.setSessionId(response.createdSession().getId());
				}
				sink.next(tree(response.message()));
			}, sink::error, sink::complete);
		});
	}

	@Override
	public Mono<Void> close(McpTestSession session) {
		String sessionId = session.getSessionId();
		return (sessionId != null) ? this.service.close(sessionId, null) : Mono.empty();
	}

	private JsonNode tree(JsonRpcMessage message) {
		return this.codec.getJsonMapper().readTree(this.codec.encode(message));
	}

}
