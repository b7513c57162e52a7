package dev.mcpspring.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Base for the registries of tools, prompts and resources: features kept in key order, so
 * listing is deterministic and paginates with stable cursors, which can be added,
 * removed, enabled and disabled at runtime, one by one or by tag. Listeners hear of every
 * change, so sessions can be told their list changed. A {@link TagFilter} decides which
 * features start enabled.
 *
 * @param <H> the handler type
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public abstract class FeatureRegistry<H> {

	private static final String CURSOR_PREFIX = "after:";

	private final NavigableMap<String, Entry<H>> entries = new ConcurrentSkipListMap<>();

	private volatile boolean offeredWhileEmpty;

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	private final List<BiConsumer<String, String>> renameListeners = new CopyOnWriteArrayList<>();

	private volatile TagFilter tagFilter = TagFilter.NONE;

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
	 * Check a handler before it is added; does nothing by default.
	 * @param handler the handler
	 * @throws IllegalStateException if the handler cannot be added
	 */
	protected void validate(H handler) {
	}

	/**
	 * Add a handler without tags, enabled unless the {@link TagFilter} hides untagged
	 * features.
	 * @param handler the handler
	 * @throws IllegalStateException if its key is already taken
	 */
	public void register(H handler) {
		register(handler, Set.of());
	}

	/**
	 * Add a handler with tags, enabled if the {@link TagFilter} allows its tags.
	 * @param handler the handler
	 * @param tags the tags, such as {@code admin} or {@code beta}
	 * @throws IllegalStateException if its key is already taken
	 */
	public void register(H handler, Set<String> tags) {
		validate(handler);
		String key = keyOf(handler);
		Set<String> copy = Set.copyOf(tags);
		Entry<H> existing = this.entries.putIfAbsent(key, new Entry<>(handler, this.tagFilter.allows(copy), copy));
		Assert.state(existing == null, () -> "Duplicate " + featureName() + " '" + key + "'");
		fireChanged();
	}

	/**
	 * Replace a handler by another, keeping its tags and whether it is enabled; the new
	 * one may have another key, which {@linkplain #addRenameListener rename listeners}
	 * hear of before the change is visible.
	 * @param key the key of the handler to replace
	 * @param change returns the new handler
	 * @return the new handler, or {@code null} if no handler has the key
	 * @throws IllegalStateException if the new key is taken by another handler
	 */
	public @Nullable H replace(String key, UnaryOperator<H> change) {
		H replacement;
		synchronized (this.entries) {
			Entry<H> entry = this.entries.get(key);
			if (entry == null) {
				return null;
			}
			replacement = change.apply(entry.handler());
			String newKey = keyOf(replacement);
			Assert.state(newKey.equals(key) || !this.entries.containsKey(newKey),
					() -> "Duplicate " + featureName() + " '" + newKey + "'");
			validate(replacement);
			if (!newKey.equals(key)) {
				this.renameListeners.forEach((listener) -> listener.accept(key, newKey));
			}
			this.entries.put(newKey, new Entry<>(replacement, entry.enabled(), entry.tags()));
			if (!newKey.equals(key)) {
				this.entries.remove(key);
			}
		}
		fireChanged();
		return replacement;
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
		if (entry.enabled() != enabled && this.entries.replace(key, entry, entry.withEnabled(enabled))) {
			fireChanged();
		}
		return true;
	}

	/**
	 * Enable or disable every handler with a tag, telling listeners once.
	 * @param tag the tag
	 * @param enabled whether to enable them
	 * @return the number of handlers with the tag
	 */
	public int setEnabledByTag(String tag, boolean enabled) {
		int tagged = 0;
		boolean changed = false;
		for (var entry : this.entries.entrySet()) {
			Entry<H> value = entry.getValue();
			if (value.tags().contains(tag)) {
				tagged++;
				if (value.enabled() != enabled) {
					changed |= this.entries.replace(entry.getKey(), value, value.withEnabled(enabled));
				}
			}
		}
		if (changed) {
			fireChanged();
		}
		return tagged;
	}

	/**
	 * Set which tags make a feature start enabled, and apply it to the features already
	 * registered.
	 * @param tagFilter the filter
	 */
	public void setTagFilter(TagFilter tagFilter) {
		Assert.notNull(tagFilter, "TagFilter is required");
		this.tagFilter = tagFilter;
		boolean changed = false;
		for (var entry : this.entries.entrySet()) {
			Entry<H> value = entry.getValue();
			boolean enabled = tagFilter.allows(value.tags());
			if (value.enabled() != enabled) {
				changed |= this.entries.replace(entry.getKey(), value, value.withEnabled(enabled));
			}
		}
		if (changed) {
			fireChanged();
		}
	}

	/**
	 * Return the tags of a handler.
	 * @param key the handler key
	 * @return the tags, empty if none or if the handler is unknown
	 */
	public Set<String> getTags(String key) {
		Entry<H> entry = this.entries.get(key);
		return (entry != null) ? entry.tags() : Set.of();
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
	 * Offer this kind of feature to clients even while none is registered, for features
	 * that arrive at run time (such as those of a proxied server): clients learn which
	 * kinds a server has when they connect, and would not look for later ones.
	 */
	public void offerWhileEmpty() {
		this.offeredWhileEmpty = true;
	}

	/**
	 * Whether clients are told that the server has this kind of feature.
	 * @return {@code true} if a handler is enabled or {@link #offerWhileEmpty()} was
	 * called
	 */
	public boolean isOffered() {
		return this.offeredWhileEmpty || !isEmpty();
	}

	/**
	 * Listen to additions, removals and enablement changes.
	 * @param listener called after each change
	 */
	public void addChangeListener(Runnable listener) {
		this.listeners.add(listener);
	}

	/**
	 * Listen to handlers {@linkplain #replace replaced} under another key, for example to
	 * move the scopes that protect a renamed tool.
	 * @param listener called with the old and the new key
	 */
	public void addRenameListener(BiConsumer<String, String> listener) {
		this.renameListeners.add(listener);
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

	private record Entry<H>(H handler, boolean enabled, Set<String> tags) {

		Entry<H> withEnabled(boolean enabled) {
			return new Entry<>(this.handler, enabled, this.tags);
		}

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
