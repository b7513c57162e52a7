package dev.mcpspring.proxy;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.mcpspring.server.McpContext;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * Carries the progress an upstream server reports for a call to the client that made
 * the call here: each proxied call gets a progress token of its own, unknown to other
 * callers.
 *
 * @author MCP Spring Boot team
 */
final class ProgressRelay {

	private final Map<String, McpContext> calls = new ConcurrentHashMap<>();

	String open(McpContext context) {
		String token = UUID.randomUUID().toString();
		this.calls.put(token, context);
		return token;
	}

	void close(String token) {
		this.calls.remove(token);
	}

	Mono<Void> relay(McpSchema.ProgressNotification notification) {
		McpContext context = this.calls.get(String.valueOf(notification.progressToken()));
		if (context != null) {
			context.progress(notification.progress(), notification.total(), notification.message());
		}
		return Mono.empty();
	}

}
