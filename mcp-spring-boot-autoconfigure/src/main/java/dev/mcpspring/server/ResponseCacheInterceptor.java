package dev.mcpspring.server;

import java.time.Duration;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Caches the results of {@code tools/list}, {@code prompts/list}, {@code resources/list},
 * {@code resources/templates/list} (by cursor) and {@code resources/read} (by URI) in a
 * Caffeine cache bounded in size and age. A list is evicted when it changes on this
 * instance, and read results when their resource is updated, here or on another instance,
 * or when the resources change.
 * <p>
 * What a client may see can depend on who asks ({@link McpFeatureFilter}s such as scopes)
 * and on the session, so a result is only ever reused for the same {@link Scope scope}:
 * by default the same session (requests without a session are not cached), or, when the
 * answers depend on nothing but the caller, the same principal. Only complete, successful
 * results are kept, and never those of a request carrying client input.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ResponseCacheInterceptor implements McpServerInterceptor, ResourceUpdateListener, Ordered {

	private static final Set<String> LIST_METHODS = Set.of("tools/list", "prompts/list", "resources/list",
			"resources/templates/list");

	private static final String READ = "resources/read";

	private final Cache<Key, Object> cache;

	private final Scope scope;

	/**
	 * Create an interceptor, which hears of list changes from the given registries.
	 * @param ttl how long a result is kept at most
	 * @param maxEntries the most results kept
	 * @param scope what requests may share a result
	 * @param tools the tools, whose changes evict {@code tools/list}
	 * @param prompts the prompts, whose changes evict {@code prompts/list}
	 * @param resources the resources, whose changes evict resource lists and reads
	 */
	public ResponseCacheInterceptor(Duration ttl, long maxEntries, Scope scope, ToolRegistry tools,
			PromptRegistry prompts, ResourceRegistry resources) {
		Assert.isTrue(!ttl.isNegative() && !ttl.isZero(), "ttl must be positive");
		Assert.isTrue(maxEntries > 0, "maxEntries must be positive");
		Assert.notNull(scope, "Scope is required");
		this.cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).build();
		this.scope = scope;
		tools.addChangeListener(() -> evict("tools/list"));
		prompts.addChangeListener(() -> evict("prompts/list"));
		resources.addChangeListener(() -> {
			evict("resources/list");
			evict("resources/templates/list");
			evict(READ);
		});
	}

	@Override
	public int getOrder() {
		return McpInterceptorOrder.RESPONSE_CACHE;
	}

	@Override
	public Mono<McpResponse> intercept(McpRequest request, Chain chain) {
		Key key = keyOf(request);
		if (key == null) {
			return chain.next(request);
		}
		Object cached = this.cache.getIfPresent(key);
		if (cached != null) {
			Object result = (cached instanceof JsonNode node) ? node.deepCopy() : cached;
			return Mono.just(new McpResponse(JsonRpcResponse.success(request.message().id(), result), null));
		}
		return chain.next(request).doOnNext((response) -> {
			Object result = response.message().result();
			if (response.message().error() == null && isComplete(result)) {
				this.cache.put(key, (result instanceof JsonNode node) ? node.deepCopy() : result);
			}
		});
	}

	@Override
	public void resourceUpdated(String uri) {
		this.cache.asMap().keySet().removeIf((key) -> key.method().equals(READ) && uri.equals(key.argument()));
	}

	/**
	 * Drop every cached result of a method.
	 * @param method the method, such as {@code tools/list}
	 */
	public void evict(String method) {
		this.cache.asMap().keySet().removeIf((key) -> key.method().equals(method));
	}

	/**
	 * Return the number of results kept, for tests and metrics.
	 * @return the estimated count
	 */
	public long size() {
		this.cache.cleanUp();
		return this.cache.estimatedSize();
	}

	private @Nullable Key keyOf(McpRequest request) {
		String method = request.method();
		boolean list = LIST_METHODS.contains(method);
		if (!list && !READ.equals(method)) {
			return null;
		}
		ObjectNode params = request.params();
		if (request.inputs() != null || (params != null && params.has("inputResponses"))) {
			return null;
		}
		JsonNode argument = (params != null) ? params.get(list ? "cursor" : "uri") : null;
		if (argument != null && !argument.isNull() && !argument.isString()) {
			return null;
		}
		if (!list && argument == null) {
			return null;
		}
		String session = request.sessionId();
		if (this.scope == Scope.SESSION && session == null) {
			return null;
		}
		String principal = (request.principal() != null) ? request.principal().getName() : null;
		return new Key(method, (argument != null && argument.isString()) ? argument.asString() : null,
				request.protocolVersion(), principal, (this.scope == Scope.SESSION) ? session : null);
	}

	/**
	 * Whether a result is final: a stateless result may ask for client input instead.
	 */
	private static boolean isComplete(@Nullable Object result) {
		if (result == null) {
			return false;
		}
		return !(result instanceof JsonNode node) || node.path("resultType").asString("complete").equals("complete");
	}

	/**
	 * Which requests may share a cached result.
	 */
	public enum Scope {

		/**
		 * Requests of the same session (and caller); requests without a session are not
		 * cached. Safe whatever decides what a session sees.
		 */
		SESSION,

		/**
		 * Requests of the same authenticated caller, across sessions and instances'
		 * stateless requests; anonymous callers share one entry. Safe when what a client
		 * sees depends on nothing but the caller, as with scopes and tags.
		 */
		PRINCIPAL

	}

	private record Key(String method, @Nullable String argument, String protocolVersion, @Nullable String principal,
			@Nullable String session) {

	}

}
