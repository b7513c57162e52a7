package dev.mcpspring.server;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.mcpspring.model.ResourceTemplate;
import dev.mcpspring.server.uri.UriTemplate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * The resources a server offers: fixed URIs, and URI templates that match a family of
 * URIs. A read goes to the fixed resource with that URI, else to the first template, in
 * template order, that matches it.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ResourceRegistry {

	private final Fixed fixed = new Fixed();

	private final Templates templates = new Templates();

	private final Map<String, UriTemplate> parsedTemplates = new ConcurrentHashMap<>();

	/**
	 * Add a resource or template.
	 * @param handler the handler
	 * @throws IllegalStateException if its URI or template is taken or malformed
	 */
	public void register(ResourceHandler handler) {
		register(handler, Set.of());
	}

	/**
	 * Add a resource or template with tags, enabled if the {@link TagFilter} allows them.
	 * @param handler the resource
	 * @param tags the tags
	 * @throws IllegalStateException if its URI or template is already taken
	 */
	public void register(ResourceHandler handler, Set<String> tags) {
		ResourceTemplate template = handler.getResourceTemplate();
		if (template != null) {
			this.parsedTemplates.put(template.uriTemplate(), UriTemplate.parse(template.uriTemplate()));
			this.templates.register(handler, tags);
		}
		else {
			Assert.state(handler.getResource() != null, "A resource handler needs a resource or a template");
			this.fixed.register(handler, tags);
		}
	}

	/**
	 * Enable or disable every resource and template with a tag.
	 * @param tag the tag
	 * @param enabled whether to enable them
	 * @return the number of resources and templates with the tag
	 */
	public int setEnabledByTag(String tag, boolean enabled) {
		return this.fixed.setEnabledByTag(tag, enabled) + this.templates.setEnabledByTag(tag, enabled);
	}

	/**
	 * Set which tags make a resource or template start enabled.
	 * @param tagFilter the filter
	 */
	public void setTagFilter(TagFilter tagFilter) {
		this.fixed.setTagFilter(tagFilter);
		this.templates.setTagFilter(tagFilter);
	}

	/**
	 * Remove a resource or template.
	 * @param uriOrTemplate the URI or URI template
	 * @return {@code true} if it was registered
	 */
	public boolean remove(String uriOrTemplate) {
		return this.fixed.remove(uriOrTemplate) || this.templates.remove(uriOrTemplate);
	}

	/**
	 * Enable or disable a resource or template.
	 * @param uriOrTemplate the URI or URI template
	 * @param enabled whether to enable it
	 * @return {@code true} if it exists
	 */
	public boolean setEnabled(String uriOrTemplate, boolean enabled) {
		return this.fixed.setEnabled(uriOrTemplate, enabled) || this.templates.setEnabled(uriOrTemplate, enabled);
	}

	/**
	 * Listen to changes of either list.
	 * @param listener called after each change
	 */
	public void addChangeListener(Runnable listener) {
		this.fixed.addChangeListener(listener);
		this.templates.addChangeListener(listener);
	}

	/**
	 * Whether no resource and no template is enabled.
	 * @return {@code true} if empty
	 */
	public boolean isEmpty() {
		return this.fixed.isEmpty() && this.templates.isEmpty();
	}

	/**
	 * Offer resources to clients even while none is registered.
	 * @see FeatureRegistry#offerWhileEmpty()
	 */
	public void offerWhileEmpty() {
		this.fixed.offerWhileEmpty();
		this.templates.offerWhileEmpty();
	}

	/**
	 * Whether clients are told that the server has resources.
	 * @return {@code true} if a resource or template is enabled, or resources are offered
	 * while empty
	 */
	public boolean isOffered() {
		return this.fixed.isOffered() || this.templates.isOffered();
	}

	/**
	 * Return the fixed resources.
	 * @return the registry of fixed resources
	 */
	public FeatureRegistry<ResourceHandler> getResources() {
		return this.fixed;
	}

	/**
	 * Return the templates.
	 * @return the registry of templates
	 */
	public FeatureRegistry<ResourceHandler> getTemplates() {
		return this.templates;
	}

	/**
	 * Find the handler of a URI.
	 * @param uri the URI to read
	 * @return the handler and the template variables, or {@code null} if none matches
	 */
	public @Nullable Match resolve(String uri) {
		ResourceHandler handler = this.fixed.get(uri);
		if (handler != null) {
			return new Match(handler, JsonNodeFactory.instance.objectNode(), Map.of());
		}
		for (ResourceHandler candidate : this.templates.getHandlers()) {
			UriTemplate template = this.parsedTemplates.get(candidate.getResourceTemplate().uriTemplate());
			UriTemplate.Values values = (template != null) ? template.matchValues(uri) : null;
			if (values != null) {
				ObjectNode arguments = JsonNodeFactory.instance.objectNode();
				values.values().forEach(arguments::put);
				return new Match(candidate, arguments, values.lists());
			}
		}
		return null;
	}

	/**
	 * A handler that can read a URI.
	 *
	 * @param handler the handler
	 * @param variables the template variables, empty for a fixed URI
	 * @param listVariables the template variables taken as lists
	 */
	public record Match(ResourceHandler handler, ObjectNode variables, Map<String, List<String>> listVariables) {

		/**
		 * Create a match whose variables have no list form.
		 * @param handler the handler
		 * @param variables the template variables, empty for a fixed URI
		 */
		public Match(ResourceHandler handler, ObjectNode variables) {
			this(handler, variables, Map.of());
		}

	}

	private static final class Fixed extends FeatureRegistry<ResourceHandler> {

		@Override
		protected String keyOf(ResourceHandler handler) {
			return handler.getResource().uri();
		}

		@Override
		protected String featureName() {
			return "resource URI";
		}

	}

	private static final class Templates extends FeatureRegistry<ResourceHandler> {

		@Override
		protected String keyOf(ResourceHandler handler) {
			return handler.getResourceTemplate().uriTemplate();
		}

		@Override
		protected String featureName() {
			return "resource template";
		}

	}

}
