package dev.mcpspring.server.session;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.mcpspring.model.LoggingLevel;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;

/**
 * The state of one MCP session: what was negotiated at initialization, what the client
 * chose since (log level, resource subscriptions), the attributes handlers stored for it,
 * and when it was last used. Only plain data (attributes are JSON), so a shared store can
 * keep it. Changes after creation are recorded, so that whoever serves the session saves
 * them ({@link #takeChanges()}).
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle">Lifecycle</a>
 */
public final class McpSession {

	private final String id;

	private final String protocolVersion;

	private final @Nullable JsonNode clientInfo;

	private final @Nullable JsonNode clientCapabilities;

	private final Instant createdAt;

	private volatile Instant lastAccessedAt;

	private volatile boolean initialized;

	private volatile LoggingLevel loggingLevel = LoggingLevel.INFO;

	private volatile @Nullable String principalName;

	private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();

	private final Map<String, JsonNode> attributes = new ConcurrentHashMap<>();

	private final AtomicBoolean changed = new AtomicBoolean();

	/**
	 * Create a session.
	 * @param id the session id, visible ASCII only
	 * @param protocolVersion the negotiated protocol revision
	 * @param clientInfo the client's {@code clientInfo}, or {@code null}
	 * @param clientCapabilities the client's {@code capabilities}, or {@code null}
	 * @param createdAt when the session started
	 */
	public McpSession(String id, String protocolVersion, @Nullable JsonNode clientInfo,
			@Nullable JsonNode clientCapabilities, Instant createdAt) {
		Assert.hasText(id, "Session id is required");
		Assert.hasText(protocolVersion, "Protocol version is required");
		this.id = id;
		this.protocolVersion = protocolVersion;
		this.clientInfo = clientInfo;
		this.clientCapabilities = clientCapabilities;
		this.createdAt = createdAt;
		this.lastAccessedAt = createdAt;
	}

	public String getId() {
		return this.id;
	}

	public String getProtocolVersion() {
		return this.protocolVersion;
	}

	public @Nullable JsonNode getClientInfo() {
		return this.clientInfo;
	}

	public @Nullable JsonNode getClientCapabilities() {
		return this.clientCapabilities;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getLastAccessedAt() {
		return this.lastAccessedAt;
	}

	/**
	 * Record a use of the session, which postpones its idle expiry.
	 * @param now the current time
	 */
	public void touch(Instant now) {
		this.lastAccessedAt = now;
	}

	/**
	 * Whether the client has sent {@code notifications/initialized}.
	 * @return {@code true} once initialized
	 */
	public boolean isInitialized() {
		return this.initialized;
	}

	/**
	 * Mark the session initialized on {@code notifications/initialized}.
	 */
	public void markInitialized() {
		if (!this.initialized) {
			this.initialized = true;
			this.changed.set(true);
		}
	}

	/**
	 * Return the lowest level of log messages the client wants.
	 * @return the level, {@code info} until the client sets one
	 */
	public LoggingLevel getLoggingLevel() {
		return this.loggingLevel;
	}

	/**
	 * Set the lowest level of log messages the client wants.
	 * @param loggingLevel the level
	 */
	public void setLoggingLevel(LoggingLevel loggingLevel) {
		if (this.loggingLevel != loggingLevel) {
			this.loggingLevel = loggingLevel;
			this.changed.set(true);
		}
	}

	/**
	 * Return the name of the principal that initialized the session.
	 * @return the name, or {@code null} for an anonymous session
	 */
	public @Nullable String getPrincipalName() {
		return this.principalName;
	}

	/**
	 * Bind the session to the principal that initialized it; requests of other principals
	 * must not use it.
	 * @param principalName the principal name, or {@code null} for anonymous
	 */
	public void setPrincipalName(@Nullable String principalName) {
		this.principalName = principalName;
	}

	/**
	 * Whether a caller may use this session: the same principal that initialized it, or
	 * nobody for an anonymous session.
	 * @param principalName the caller's principal name, or {@code null}
	 * @return {@code true} if the session belongs to the caller
	 */
	public boolean isOwnedBy(@Nullable String principalName) {
		return Objects.equals(this.principalName, principalName);
	}

	/**
	 * Return the URIs of the resources the client subscribed to.
	 * @return the URIs, a read-only view
	 */
	public Set<String> getSubscriptions() {
		return Collections.unmodifiableSet(this.subscriptions);
	}

	/**
	 * Subscribe the client to updates of a resource.
	 * @param uri the resource URI
	 */
	public void subscribe(String uri) {
		if (this.subscriptions.add(uri)) {
			this.changed.set(true);
		}
	}

	/**
	 * Stop sending updates of a resource.
	 * @param uri the resource URI
	 */
	public void unsubscribe(String uri) {
		if (this.subscriptions.remove(uri)) {
			this.changed.set(true);
		}
	}

	/**
	 * Return the attributes handlers stored for the session, as JSON.
	 * @return the attributes by name, a read-only view
	 */
	public Map<String, JsonNode> getAttributes() {
		return Collections.unmodifiableMap(this.attributes);
	}

	/**
	 * Store an attribute for the session, replacing any of the same name.
	 * @param name the attribute name
	 * @param value the value as JSON
	 */
	public void setAttribute(String name, JsonNode value) {
		Assert.hasText(name, "Attribute name is required");
		Assert.notNull(value, "Attribute value is required");
		if (!value.equals(this.attributes.put(name, value))) {
			this.changed.set(true);
		}
	}

	/**
	 * Remove an attribute of the session.
	 * @param name the attribute name
	 */
	public void removeAttribute(String name) {
		if (this.attributes.remove(name) != null) {
			this.changed.set(true);
		}
	}

	/**
	 * Restore the attributes read from a store, without recording them as a change.
	 * @param attributes the attributes by name
	 */
	public void restoreAttributes(Map<String, JsonNode> attributes) {
		this.attributes.clear();
		this.attributes.putAll(attributes);
	}

	/**
	 * Restore state read from a store, without recording it as a change.
	 * @param initialized whether the client sent {@code notifications/initialized}
	 * @param loggingLevel the lowest level of log messages the client wants
	 * @param subscriptions the URIs subscribed to
	 */
	public void restore(boolean initialized, LoggingLevel loggingLevel, Collection<String> subscriptions) {
		this.initialized = initialized;
		this.loggingLevel = loggingLevel;
		this.subscriptions.clear();
		this.subscriptions.addAll(subscriptions);
	}

	/**
	 * Whether the session changed since the last call, clearing the record: the caller is
	 * expected to save it.
	 * @return {@code true} if something changed
	 */
	public boolean takeChanges() {
		return this.changed.getAndSet(false);
	}

}
