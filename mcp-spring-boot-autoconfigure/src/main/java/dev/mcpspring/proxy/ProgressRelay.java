package dev.mcpspring.proxy;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.mcpspring.server.McpContext;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * Carries the progress an upstream server reports for a call to the client that made the
 * call here: each proxied call gets a progress token of its own, unknown to other
 * callers. Progress must increase with each notification, so a notification that arrives
 * after a later one is dropped rather than sent out of order.
 *
 * @author MCP Spring Boot team
 */
final class ProgressRelay {

	private final Map<String, Call> calls = new ConcurrentHashMap<>();

	String open(McpContext context) {
		String token = UUID.randomUUID().toString();
		this.calls.put(token, new Call(context));
		return token;
	}

	void close(String token) {
		this.calls.remove(token);
	}

	Mono<Void> relay(McpSchema.ProgressNotification notification) {
		Call call = this.calls.get(String.valueOf(notification.progressToken()));
		if (call != null && notification.progress() != null) {
			call.report(notification);
		}
		return Mono.empty();
	}

	private static final class Call {

		private final McpContext context;

		private double last = Double.NEGATIVE_INFINITY;

		Call(McpContext context) {
			this.context = context;
		}

		synchronized void report(McpSchema.ProgressNotification notification) {
			if (notification.progress() > this.last) {
				this.last = notification.progress();
				this.context.progress(notification.progress(), notification.total(), notification.message());
			}
		}

	}

}
