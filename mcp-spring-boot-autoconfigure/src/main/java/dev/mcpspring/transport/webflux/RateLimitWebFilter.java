package dev.mcpspring.transport.webflux;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Limits the request rate on the MCP endpoints per authenticated principal, or per client
 * IP address for anonymous requests, with a Bucket4j token bucket each. Buckets live in a
 * Caffeine cache bounded in size and expiring when idle, so the state stays bounded
 * however many clients come. Requests over the limit get {@code 429} with
 * {@code Retry-After} and a JSON-RPC error body. Runs after Spring Security, so the
 * principal is known.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class RateLimitWebFilter implements WebFilter {

	private static final byte[] BODY = ("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":"
			+ JsonRpcErrorCodes.INTERNAL_ERROR + "," + "\"message\":\"Too many requests, try again later\"}}")
		.getBytes(StandardCharsets.UTF_8);

	private final List<String> paths;

	private final Bandwidth bandwidth;

	private final Cache<String, Bucket> buckets;

	/**
	 * Create a filter.
	 * @param paths the exact paths of the MCP endpoints
	 * @param capacity requests allowed per period
	 * @param period the period in which the capacity refills
	 * @param maxClients the most principals or addresses tracked at once
	 */
	public RateLimitWebFilter(List<String> paths, long capacity, Duration period, int maxClients) {
		Assert.isTrue(capacity > 0, "capacity must be positive");
		Assert.isTrue(maxClients > 0, "maxClients must be positive");
		this.paths = List.copyOf(paths);
		this.bandwidth = Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
		this.buckets = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(period.multipliedBy(2)).build();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.paths.contains(exchange.getRequest().getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal()
			.map((principal) -> "principal:" + principal.getName())
			.defaultIfEmpty("")
			.flatMap((key) -> {
				ConsumptionProbe probe = bucket(key.isEmpty() ? addressKey(exchange) : key)
					.tryConsumeAndReturnRemaining(1);
				return probe.isConsumed() ? chain.filter(exchange) : tooManyRequests(exchange, probe);
			});
	}

	private Bucket bucket(String key) {
		return this.buckets.get(key, (ignored) -> Bucket.builder().addLimit(this.bandwidth).build());
	}

	private static String addressKey(ServerWebExchange exchange) {
		InetSocketAddress address = exchange.getRequest().getRemoteAddress();
		return "address:" + ((address != null && address.getAddress() != null) ? address.getAddress().getHostAddress()
				: "unknown");
	}

	private static Mono<Void> tooManyRequests(ServerWebExchange exchange, ConsumptionProbe probe) {
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
		response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(BODY)));
	}

	/**
	 * Return the number of principals and addresses currently tracked.
	 * @return the estimated count
	 */
	public long getTrackedClients() {
		this.buckets.cleanUp();
		return this.buckets.estimatedSize();
	}

}
