package dev.mcpspring.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Base for the registries of tools, prompts and resources: features kept in key order,
 * so listing is deterministic and paginates with stable cursors, which can be added,
 * removed, enabled and disabled at runtime. Listeners hear of every change, so sessions
 * can be told their list changed.
 *
 * @param <H> the handler type
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public abstract class FeatureRegistry<H> {

	private static final String CURSOR_PREFIX = "after:";

	private final NavigableMap<String, Entry<H>> entries = new ConcurrentSkipListMap<>();

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Return the unique key of a handler, such as a tool name or resource URI.
	 * @param handler the handler
	 * @return the key
	 */
	protected abstract String keyOf(H handler);

	/**
	 * Return what the feature is called in messages, such as {@code tool}.
	 * @return the feature name
	 */
	protected abstract String featureName();

	/**
	 * Add a handler, enabled.
	 * @param handler the handler
	 * @throws IllegalStateException if its key is already taken
	 */
	public void register(H handler) {
		String key = keyOf(handler);
		Entry<H> existing = this.entries.putIfAbsent(key, new Entry<>(handler, true));
		Assert.state(existing == null, () -> "Duplicate " + featureName() + " '" + key + "'");
		fireChanged();
	}

	/**
	 * Remove a handler.
	 * @param key the handler key
	 * @return {@code true} if it was registered
	 */
	public boolean remove(String key) {
		boolean removed = this.entries.remove(key) != null;
		if (removed) {
			fireChanged();
		}
		return removed;
	}

	/**
	 * Enable or disable a handler; disabled ones are neither listed nor invocable.
	 * @param key the handler key
	 * @param enabled whether to enable it
	 * @return {@code true} if the handler exists
	 */
	public boolean setEnabled(String key, boolean enabled) {
		Entry<H> entry = this.entries.get(key);
		if (entry == null) {
			return false;
		}
		if (entry.enabled() != enabled && this.entries.replace(key, entry, new Entry<>(entry.handler(), enabled))) {
			fireChanged();
		}
		return true;
	}

	/**
	 * Find an enabled handler.
	 * @param key the handler key
	 * @return the handler, or {@code null}
	 */
	public @Nullable H get(String key) {
		Entry<H> entry = this.entries.get(key);
		return (entry != null && entry.enabled()) ? entry.handler() : null;
	}

	/**
	 * Return the enabled handlers in key order.
	 * @return the handlers
	 */
	public List<H> getHandlers() {
		return this.entries.values().stream().filter(Entry::enabled).map(Entry::handler).toList();
	}

	/**
	 * Whether no handler is enabled.
	 * @return {@code true} if empty
	 */
	public boolean isEmpty() {
		return this.entries.values().stream().noneMatch(Entry::enabled);
	}

	/**
	 * Listen to additions, removals and enablement changes.
	 * @param listener called after each change
	 */
	public void addChangeListener(Runnable listener) {
		this.listeners.add(listener);
	}

	/**
	 * Return one page of enabled features.
	 * @param cursor the cursor from the previous page, or {@code null} for the first
	 * @param pageSize the maximum number of items
	 * @param mapper turns a handler into the listed item
	 * @param <T> the listed item type
	 * @return the page
	 * @throws McpException with {@code -32602} for a cursor this registry did not issue
	 */
	public <T> Page<T> page(@Nullable String cursor, int pageSize, Function<H, T> mapper) {
		return page(cursor, pageSize, mapper, (item) -> true);
	}

	/**
	 * Return one page of enabled features that pass a filter.
	 * @param cursor the cursor from the previous page, or {@code null} for the first
	 * @param pageSize the maximum number of items
	 * @param mapper turns a handler into the listed item
	 * @param filter which listed items to include
	 * @param <T> the listed item type
	 * @return the page
	 * @throws McpException with {@code -32602} for a cursor this registry did not issue
	 */
	public <T> Page<T> page(@Nullable String cursor, int pageSize, Function<H, T> mapper,
			java.util.function.Predicate<T> filter) {
		NavigableMap<String, Entry<H>> remaining = (cursor != null) ? this.entries.tailMap(decode(cursor), false)
				: this.entries;
		List<T> items = new ArrayList<>(Math.min(pageSize, 16));
		String last = null;
		for (var entry : remaining.entrySet()) {
			if (!entry.getValue().enabled()) {
				continue;
			}
			T item = mapper.apply(entry.getValue().handler());
			if (!filter.test(item)) {
				continue;
			}
			if (items.size() == pageSize) {
				return new Page<>(items, encode(last));
			}
			items.add(item);
			last = entry.getKey();
		}
		return new Page<>(items, null);
	}

	private void fireChanged() {
		this.listeners.forEach(Runnable::run);
	}

	private static String encode(@Nullable String lastKey) {
		byte[] bytes = (CURSOR_PREFIX + lastKey).getBytes(StandardCharsets.UTF_8);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String decode(String cursor) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (text.startsWith(CURSOR_PREFIX)) {
				return text.substring(CURSOR_PREFIX.length());
			}
		}
		catch (IllegalArgumentException ex) {
			// fall through
		}
		throw new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Invalid cursor");
	}

	private record Entry<H>(H handler, boolean enabled) {

	}

	/**
	 * One page of a list.
	 *
	 * @param items the items
	 * @param nextCursor the cursor of the next page, or {@code null} on the last
	 * @param <T> the item type
	 */
	public record Page<T>(List<T> items, @Nullable String nextCursor) {

	}

}
