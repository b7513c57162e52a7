package dev.mcpspring.server;

import java.util.concurrent.Semaphore;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Bounds the number of {@code tools/call} requests served at once. A call over the limit
 * is not queued: it is refused at once with a {@link ServerBusyException}, which HTTP
 * answers with {@code 503} and {@code Retry-After} and other transports with the JSON-RPC
 * error {@code -32603} "Server busy", so clients may retry later.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ConcurrencyLimitInterceptor implements McpServerInterceptor, Ordered {

	private final Semaphore permits;

	/**
	 * Create an interceptor.
	 * @param maxConcurrentCalls the most tool calls served at once
	 */
	public ConcurrencyLimitInterceptor(int maxConcurrentCalls) {
		Assert.isTrue(maxConcurrentCalls > 0, "maxConcurrentCalls must be positive");
		this.permits = new Semaphore(maxConcurrentCalls);
	}

	@Override
	public int getOrder() {
		return McpInterceptorOrder.CONCURRENCY_LIMIT;
	}

	@Override
	public Mono<McpResponse> intercept(McpRequest request, Chain chain) {
		if (!"tools/call".equals(request.method())) {
			return chain.next(request);
		}
		return Mono.defer(() -> {
			if (!this.permits.tryAcquire()) {
				return Mono.error(new ServerBusyException());
			}
			return chain.next(request).doFinally((signal) -> this.permits.release());
		});
	}

	/**
	 * Return the number of calls that may still start.
	 * @return the free permits
	 */
	public int getAvailable() {
		return this.permits.availablePermits();
	}

}
