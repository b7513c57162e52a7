package dev.mcpspring.proxy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

import dev.mcpspring.server.FeatureRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The features of one kind that an upstream server brings into a registry of this server:
 * each new list from upstream adds what is new, replaces what changed and removes what is
 * gone, so that clients hear of a change only when there is one.
 *
 * @param <H> the handler type
 * @author MCP Spring Boot team
 */
final class MountedFeatures<H> {

	private static final Log logger = LogFactory.getLog(MountedFeatures.class);

	private final String server;

	private final FeatureRegistry<H> registry;

	private final BiConsumer<H, Set<String>> register;

	private final Function<H, String> key;

	private final Function<H, Object> listed;

	private final Set<String> tags;

	private final Map<String, Object> mounted = new HashMap<>();

	/**
	 * Create the mounted features of one kind.
	 * @param server the upstream server's name, for logs and as the features' tag
	 * @param registry the registry that holds them
	 * @param register how to add a handler with tags (some registries do more than
	 * {@link FeatureRegistry#register})
	 * @param key the key of a handler in the registry
	 * @param listed what clients see of a handler, to tell whether it changed
	 */
	MountedFeatures(String server, FeatureRegistry<H> registry, BiConsumer<H, Set<String>> register,
			Function<H, String> key, Function<H, Object> listed) {
		this.server = server;
		this.registry = registry;
		this.register = register;
		this.key = key;
		this.listed = listed;
		this.tags = Set.of(server);
	}

	/**
	 * Make the registry hold exactly these handlers of the upstream server.
	 * @param handlers the handlers, made from what the upstream server lists
	 */
	synchronized void mount(List<H> handlers) {
		Map<String, H> byKey = new LinkedHashMap<>();
		handlers.forEach((handler) -> byKey.putIfAbsent(this.key.apply(handler), handler));
		for (String gone : Set.copyOf(this.mounted.keySet())) {
			if (!byKey.containsKey(gone)) {
				this.registry.remove(gone);
				this.mounted.remove(gone);
			}
		}
		byKey.forEach(this::mount);
	}

	private void mount(String key, H handler) {
		Object listed = this.listed.apply(handler);
		if (this.mounted.containsKey(key)) {
			if (!Objects.equals(this.mounted.get(key), listed)) {
				this.registry.replace(key, (old) -> handler);
				this.mounted.put(key, listed);
			}
			return;
		}
		try {
			this.register.accept(handler, this.tags);
			this.mounted.put(key, listed);
		}
		catch (IllegalStateException ex) {
			logger.warn("'" + key + "' of upstream MCP server '" + this.server + "' is not served: " + ex.getMessage()
					+ " (give the upstream server a prefix)");
		}
	}

	/**
	 * Remove every handler of the upstream server from the registry.
	 */
	synchronized void unmount() {
		this.mounted.keySet().forEach(this.registry::remove);
		this.mounted.clear();
	}

}
