package dev.mcpspring.server;

import java.lang.reflect.Method;
import java.util.List;

import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.ReflectionUtils;

/**
 * Runs the hooks of the {@link McpServerInterceptor interceptors} other than
 * {@code intercept}, for the messages that are not requests. Each hook's chain holds only
 * the interceptors that override it, so that traffic no interceptor looks at costs
 * nothing.
 *
 * @author MCP Spring Boot team
 */
final class InterceptorChains {

	private static final Log logger = LogFactory.getLog(InterceptorChains.class);

	private final List<McpServerInterceptor> notification;

	private final List<McpServerInterceptor> clientResponse;

	private final List<McpServerInterceptor> outbound;

	private final List<McpServerInterceptor> stream;

	InterceptorChains(List<McpServerInterceptor> interceptors) {
		this.notification = overriding(interceptors, "onNotification", McpNotification.class,
				McpServerInterceptor.NotificationChain.class);
		this.clientResponse = overriding(interceptors, "onClientResponse", McpClientResponse.class,
				McpServerInterceptor.ClientResponseChain.class);
		this.outbound = overriding(interceptors, "onOutbound", McpOutboundMessage.class,
				McpServerInterceptor.OutboundChain.class);
		this.stream = overriding(interceptors, "onStream", McpStreamOperation.class,
				McpServerInterceptor.StreamChain.class);
	}

	private static List<McpServerInterceptor> overriding(List<McpServerInterceptor> interceptors, String name,
			Class<?>... parameterTypes) {
		return interceptors.stream().filter((interceptor) -> {
			Method method = ReflectionUtils.findMethod(interceptor.getClass(), name, parameterTypes);
			return method != null && method.getDeclaringClass() != McpServerInterceptor.class;
		}).toList();
	}

	Mono<Void> notification(McpNotification notification, McpServerInterceptor.NotificationChain terminal) {
		return Mono.defer(() -> notification(0, notification, terminal));
	}

	private Mono<Void> notification(int index, McpNotification notification,
			McpServerInterceptor.NotificationChain terminal) {
		if (index == this.notification.size()) {
			return terminal.next(notification);
		}
		return this.notification.get(index)
			.onNotification(notification, (next) -> notification(index + 1, next, terminal));
	}

	Mono<Void> clientResponse(McpClientResponse response, McpServerInterceptor.ClientResponseChain terminal) {
		return Mono.defer(() -> clientResponse(0, response, terminal));
	}

	private Mono<Void> clientResponse(int index, McpClientResponse response,
			McpServerInterceptor.ClientResponseChain terminal) {
		if (index == this.clientResponse.size()) {
			return terminal.next(response);
		}
		return this.clientResponse.get(index)
			.onClientResponse(response, (next) -> clientResponse(index + 1, next, terminal));
	}

	/**
	 * Return a channel that passes every message through the outbound hooks before the
	 * given channel sends it.
	 */
	McpClientChannel outbound(McpClientChannel channel, @Nullable String sessionId,
			@Nullable JsonRpcRequest servedRequest) {
		if (this.outbound.isEmpty()) {
			return channel;
		}
		return (message) -> outbound(new McpOutboundMessage(message, sessionId, servedRequest)).subscribe(channel::send,
				(ex) -> logger.warn("Dropped a message to the client: an interceptor failed", ex));
	}

	/**
	 * Return the messages of a stream, each passed through the outbound hooks.
	 */
	Flux<JsonRpcMessage> outbound(Flux<JsonRpcMessage> messages, @Nullable String sessionId) {
		if (this.outbound.isEmpty()) {
			return messages;
		}
		return messages
			.concatMap((message) -> outbound(new McpOutboundMessage(message, sessionId, null)).onErrorResume((ex) -> {
				logger.warn("Dropped a message to the client: an interceptor failed", ex);
				return Mono.empty();
			}));
	}

	private Mono<JsonRpcMessage> outbound(McpOutboundMessage message) {
		return Mono.defer(() -> outbound(0, message));
	}

	private Mono<JsonRpcMessage> outbound(int index, McpOutboundMessage message) {
		if (index == this.outbound.size()) {
			return Mono.just(message.message());
		}
		return this.outbound.get(index).onOutbound(message, (next) -> outbound(index + 1, next));
	}

	Flux<JsonRpcMessage> stream(McpStreamOperation operation, McpServerInterceptor.StreamChain terminal) {
		return Flux.defer(() -> stream(0, operation, terminal));
	}

	private Flux<JsonRpcMessage> stream(int index, McpStreamOperation operation,
			McpServerInterceptor.StreamChain terminal) {
		if (index == this.stream.size()) {
			return terminal.next(operation);
		}
		return this.stream.get(index).onStream(operation, (next) -> stream(index + 1, next, terminal));
	}

}
