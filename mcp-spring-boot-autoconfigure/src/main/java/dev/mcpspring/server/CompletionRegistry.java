package dev.mcpspring.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Completion handlers by the prompt or URI template they complete.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class CompletionRegistry {

	/**
	 * Reference type of prompt argument completion.
	 */
	public static final String PROMPT_REFERENCE = "ref/prompt";

	/**
	 * Reference type of resource template variable completion.
	 */
	public static final String RESOURCE_REFERENCE = "ref/resource";

	private final Map<String, CompletionHandler> handlers = new ConcurrentHashMap<>();

	/**
	 * Add a handler.
	 * @param handler the handler
	 * @throws IllegalStateException if the reference already has one
	 */
	public void register(CompletionHandler handler) {
		String key = key(handler.getReferenceType(), handler.getReference());
		CompletionHandler existing = this.handlers.putIfAbsent(key, handler);
		Assert.state(existing == null, () -> "Duplicate completion handler for " + key);
	}

	/**
	 * Find the handler of a reference.
	 * @param referenceType {@code ref/prompt} or {@code ref/resource}
	 * @param reference the prompt name or URI template
	 * @return the handler, or {@code null}
	 */
	public @Nullable CompletionHandler get(String referenceType, String reference) {
		return this.handlers.get(key(referenceType, reference));
	}

	private static String key(String referenceType, String reference) {
		return referenceType + " " + reference;
	}

}
