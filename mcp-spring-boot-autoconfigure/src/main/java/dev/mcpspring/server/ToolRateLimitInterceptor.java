package dev.mcpspring.server;

import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Limits how often each tool may be called, with a token bucket per tool, or per tool and
 * caller: a bucket holds at most {@link Limit#permits()} calls and refills at that many
 * per {@link Limit#period()}, smoothly. A call with an empty bucket is refused with a
 * {@link RateLimitExceededException} before the tool is invoked: HTTP answers {@code 429}
 * with {@code Retry-After}, other transports a JSON-RPC error. Tools without a limit are
 * not counted. Callers are told apart by principal name, anonymous callers share one
 * bucket; the number of buckets is bounded, idle ones going first.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ToolRateLimitInterceptor implements McpServerInterceptor, Ordered {

	private static final int DEFAULT_MAX_BUCKETS = 10_000;

	private final Map<String, Limit> limits;

	private final Map<BucketKey, TokenBucket> buckets = new ConcurrentHashMap<>();

	private final LongSupplier nanoTime;

	private final int maxBuckets;

	/**
	 * Create an interceptor.
	 * @param limits the limit of each tool, by tool name
	 */
	public ToolRateLimitInterceptor(Map<String, Limit> limits) {
		this(limits, System::nanoTime, DEFAULT_MAX_BUCKETS);
	}

	/**
	 * Create an interceptor with its own time source, for tests.
	 * @param limits the limit of each tool, by tool name
	 * @param nanoTime the time source, as {@link System#nanoTime()}
	 * @param maxBuckets the most buckets kept at once
	 */
	ToolRateLimitInterceptor(Map<String, Limit> limits, LongSupplier nanoTime, int maxBuckets) {
		Assert.notNull(limits, "Limits are required");
		Assert.isTrue(maxBuckets > 0, "maxBuckets must be positive");
		this.limits = Map.copyOf(limits);
		this.nanoTime = nanoTime;
		this.maxBuckets = maxBuckets;
	}

	@Override
	public int getOrder() {
		return McpInterceptorOrder.RATE_LIMIT;
	}

	@Override
	public Mono<McpResponse> intercept(McpRequest request, Chain chain) {
		McpOperation operation = request.operation();
		String tool = operation.name();
		Limit limit = (operation.kind() == McpOperation.Kind.TOOL && tool != null) ? this.limits.get(tool) : null;
		if (tool == null || limit == null) {
			return chain.next(request);
		}
		Principal principal = request.principal();
		String caller = (principal != null) ? principal.getName() : "";
		BucketKey key = new BucketKey(tool, limit.perPrincipal() ? caller : null);
		return Mono.defer(() -> {
			long waitNanos = bucket(key, limit).tryTake(this.nanoTime.getAsLong());
			if (waitNanos > 0) {
				return Mono.error(new RateLimitExceededException(Duration.ofNanos(waitNanos)));
			}
			return chain.next(request);
		});
	}

	private TokenBucket bucket(BucketKey key, Limit limit) {
		TokenBucket bucket = this.buckets.get(key);
		if (bucket != null) {
			return bucket;
		}
		if (this.buckets.size() >= this.maxBuckets) {
			long now = this.nanoTime.getAsLong();
			this.buckets.values().removeIf((candidate) -> candidate.isFull(now));
			if (this.buckets.size() >= this.maxBuckets) {
				this.buckets.clear();
			}
		}
		return this.buckets.computeIfAbsent(key, (ignored) -> new TokenBucket(limit, this.nanoTime.getAsLong()));
	}

	/**
	 * Return the number of buckets kept.
	 * @return the count
	 */
	int getBucketCount() {
		return this.buckets.size();
	}

	/**
	 * The rate limit of a tool.
	 *
	 * @param permits the calls allowed per period, and at once after a quiet time
	 * @param period the time in which the permits refill
	 * @param perPrincipal whether each caller has a bucket of its own, rather than one
	 * for all callers
	 */
	public record Limit(long permits, Duration period, boolean perPrincipal) {

		public Limit {
			Assert.isTrue(permits > 0, "permits must be positive");
			Assert.isTrue(period != null && !period.isNegative() && !period.isZero(), "period must be positive");
		}

	}

	private record BucketKey(String tool, @Nullable String caller) {

	}

	/**
	 * A token bucket refilled continuously.
	 */
	private static final class TokenBucket {

		private final double capacity;

		private final double nanosPerToken;

		private double tokens;

		private long last;

		TokenBucket(Limit limit, long now) {
			this.capacity = limit.permits();
			this.nanosPerToken = (double) limit.period().toNanos() / limit.permits();
			this.tokens = this.capacity;
			this.last = now;
		}

		/**
		 * Take a token.
		 * @return 0 if taken, else the nanoseconds until one is available
		 */
		synchronized long tryTake(long now) {
			refill(now);
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return 0;
			}
			return Math.max(1, (long) Math.ceil((1 - this.tokens) * this.nanosPerToken));
		}

		synchronized boolean isFull(long now) {
			refill(now);
			return this.tokens >= this.capacity;
		}

		private void refill(long now) {
			long elapsed = now - this.last;
			if (elapsed > 0) {
				this.tokens = Math.min(this.capacity, this.tokens + elapsed / this.nanosPerToken);
				this.last = now;
			}
		}

	}

}
