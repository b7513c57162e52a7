package dev.mcpspring.server;

import dev.mcpspring.jsonrpc.JsonRpcMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Around-advice for every message the engine serves, for cross-cutting concerns such as
 * observation, authorization, logging or limits. Interceptors run in order (see
 * {@link McpInterceptorOrder}); each calls its chain to go on. Requests go through
 * {@link #intercept}; the other hooks cover the rest of the traffic and by default just
 * go on, so an interceptor implements only what it needs:
 * <ul>
 * <li>{@link #onNotification}: notifications from the client;</li>
 * <li>{@link #onClientResponse}: responses of the client to requests of the server;</li>
 * <li>{@link #onOutbound}: notifications and requests sent to the client;</li>
 * <li>{@link #onStream}: long-lived streams opening, and sessions closing.</li>
 * </ul>
 * Every transport (Streamable HTTP on WebFlux and on a servlet container, legacy
 * HTTP+SSE, stdio) passes its messages through the same {@link McpSessionService}, so the
 * hooks apply to all of them.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface McpServerInterceptor {

	/**
	 * Intercept a request.
	 * @param request the request
	 * @param chain the rest of the chain, ending with the engine's dispatch
	 * @return the response, or empty when the request was cancelled
	 */
	Mono<McpResponse> intercept(McpRequest request, Chain chain);

	/**
	 * Intercept a notification from the client.
	 * @param notification the notification
	 * @param chain the rest of the chain, ending with the engine acting on it
	 * @return completes once handled; an error is logged and the notification dropped, as
	 * a notification gets no answer
	 */
	default Mono<Void> onNotification(McpNotification notification, NotificationChain chain) {
		return chain.next(notification);
	}

	/**
	 * Intercept a response of the client to a request of the server.
	 * @param response the response
	 * @param chain the rest of the chain, ending with the waiting server request
	 * completed
	 * @return completes once delivered; not calling the chain leaves the server request
	 * to time out
	 */
	default Mono<Void> onClientResponse(McpClientResponse response, ClientResponseChain chain) {
		return chain.next(response);
	}

	/**
	 * Intercept a notification or request on its way to the client.
	 * @param message the message
	 * @param chain the rest of the chain, ending with the message sent
	 * @return the message to send, possibly changed, or empty to drop it
	 */
	default Mono<JsonRpcMessage> onOutbound(McpOutboundMessage message, OutboundChain chain) {
		return chain.next(message);
	}

	/**
	 * Intercept the opening of a long-lived stream, or the closing of a session.
	 * @param operation what happens to which stream
	 * @param chain the rest of the chain, ending with the stream opened or the session
	 * closed
	 * @return the messages of the stream; for {@link McpStreamOperation.Kind#CLOSE}, no
	 * messages and completion once closed
	 */
	default Flux<JsonRpcMessage> onStream(McpStreamOperation operation, StreamChain chain) {
		return chain.next(operation);
	}

	/**
	 * Return an interceptor that runs this one, then the given one, for requests and
	 * every other hook.
	 * @param next the interceptor to run inside this one
	 * @return the combined interceptor
	 */
	default McpServerInterceptor andThen(McpServerInterceptor next) {
		McpServerInterceptor outer = this;
		return new McpServerInterceptor() {

			@Override
			public Mono<McpResponse> intercept(McpRequest request, Chain chain) {
				return outer.intercept(request, (nextRequest) -> next.intercept(nextRequest, chain));
			}

			@Override
			public Mono<Void> onNotification(McpNotification notification, NotificationChain chain) {
				return outer.onNotification(notification,
						(nextNotification) -> next.onNotification(nextNotification, chain));
			}

			@Override
			public Mono<Void> onClientResponse(McpClientResponse response, ClientResponseChain chain) {
				return outer.onClientResponse(response, (nextResponse) -> next.onClientResponse(nextResponse, chain));
			}

			@Override
			public Mono<JsonRpcMessage> onOutbound(McpOutboundMessage message, OutboundChain chain) {
				return outer.onOutbound(message, (nextMessage) -> next.onOutbound(nextMessage, chain));
			}

			@Override
			public Flux<JsonRpcMessage> onStream(McpStreamOperation operation, StreamChain chain) {
				return outer.onStream(operation, (nextOperation) -> next.onStream(nextOperation, chain));
			}

		};
	}

	/**
	 * The rest of the interceptor chain.
	 */
	@FunctionalInterface
	interface Chain {

		/**
		 * Continue with the request.
		 * @param request the request, possibly decorated
		 * @return the response
		 */
		Mono<McpResponse> next(McpRequest request);

	}

	/**
	 * The rest of the chain of a client notification.
	 */
	@FunctionalInterface
	interface NotificationChain {

		/**
		 * Continue with the notification.
		 * @param notification the notification, possibly changed
		 * @return completes once handled
		 */
		Mono<Void> next(McpNotification notification);

	}

	/**
	 * The rest of the chain of a client response.
	 */
	@FunctionalInterface
	interface ClientResponseChain {

		/**
		 * Continue with the response.
		 * @param response the response, possibly changed
		 * @return completes once delivered
		 */
		Mono<Void> next(McpClientResponse response);

	}

	/**
	 * The rest of the chain of a message to the client.
	 */
	@FunctionalInterface
	interface OutboundChain {

		/**
		 * Continue with the message.
		 * @param message the message, possibly changed
		 * @return the message to send, or empty to drop it
		 */
		Mono<JsonRpcMessage> next(McpOutboundMessage message);

	}

	/**
	 * The rest of the chain of a stream operation.
	 */
	@FunctionalInterface
	interface StreamChain {

		/**
		 * Continue with the operation.
		 * @param operation the operation
		 * @return the messages of the stream
		 */
		Flux<JsonRpcMessage> next(McpStreamOperation operation);

	}

}
