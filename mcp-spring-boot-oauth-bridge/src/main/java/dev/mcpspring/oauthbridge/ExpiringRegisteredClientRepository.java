package dev.mcpspring.oauthbridge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.util.Assert;

/**
 * In-memory {@link RegisteredClientRepository} for clients that register themselves:
 * anyone may register, so the number of clients is capped and each registration expires a
 * fixed time after it was made. Expired clients are forgotten, and their client ID is no
 * longer recognised (MCP clients then register again). A client ID that is not registered
 * may be resolved on the fly, such as from a client ID metadata document.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ExpiringRegisteredClientRepository implements RegisteredClientRepository {

	private final Map<String, Entry> clientsById = new ConcurrentHashMap<>();

	private final Map<String, String> idsByClientId = new ConcurrentHashMap<>();

	private final int maxClients;

	private final Duration timeToLive;

	private final Clock clock;

	private @Nullable Function<String, @Nullable RegisteredClient> resolver;

	private Duration resolvedTimeToLive;

	/**
	 * Create a repository.
	 * @param maxClients most registered clients at once
	 * @param timeToLive how long a registration lasts
	 * @param clock the clock registrations are timed with
	 */
	public ExpiringRegisteredClientRepository(int maxClients, Duration timeToLive, Clock clock) {
		Assert.isTrue(maxClients > 0, "maxClients must be positive");
		Assert.isTrue(!timeToLive.isNegative() && !timeToLive.isZero(), "timeToLive must be positive");
		Assert.notNull(clock, "Clock is required");
		this.maxClients = maxClients;
		this.timeToLive = timeToLive;
		this.resolvedTimeToLive = timeToLive;
		this.clock = clock;
	}

	/**
	 * Resolve client IDs that are not registered, and keep the clients resolved for a
	 * while, within the same capacity as registered ones.
	 * @param resolver gives the client of a client ID, or {@code null} when there is none
	 * @param timeToLive how long a resolved client is kept before it is resolved again
	 */
	public void setResolver(Function<String, @Nullable RegisteredClient> resolver, Duration timeToLive) {
		Assert.notNull(resolver, "resolver is required");
		Assert.isTrue(!timeToLive.isNegative() && !timeToLive.isZero(), "timeToLive must be positive");
		this.resolver = resolver;
		this.resolvedTimeToLive = timeToLive;
	}

	/**
	 * Whether one more client may register now.
	 * @return {@code true} when the repository is below its capacity once expired
	 * registrations are removed
	 */
	public boolean hasCapacity() {
		removeExpired();
		return this.clientsById.size() < this.maxClients;
	}

	/**
	 * The number of registrations that have not expired.
	 * @return the number of registered clients
	 */
	public int size() {
		removeExpired();
		return this.clientsById.size();
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		save(registeredClient, this.timeToLive);
	}

	private synchronized void save(RegisteredClient registeredClient, Duration timeToLive) {
		Assert.notNull(registeredClient, "RegisteredClient is required");
		Entry known = this.clientsById.get(registeredClient.getId());
		Assert.state(known != null || hasCapacity(), "No room for another registered client");
		String previous = this.idsByClientId.putIfAbsent(registeredClient.getClientId(), registeredClient.getId());
		Assert.state(previous == null || previous.equals(registeredClient.getId()),
				"Another registered client has the same client ID");
		Instant expiresAt = (known != null) ? known.expiresAt() : this.clock.instant().plus(timeToLive);
		this.clientsById.put(registeredClient.getId(), new Entry(registeredClient, expiresAt));
	}

	@Override
	public @Nullable RegisteredClient findById(String id) {
		return unlessExpired(this.clientsById.get(id));
	}

	@Override
	public @Nullable RegisteredClient findByClientId(String clientId) {
		String id = this.idsByClientId.get(clientId);
		RegisteredClient client = (id != null) ? findById(id) : null;
		return (client != null || this.resolver == null) ? client : resolve(clientId, this.resolver);
	}

	private @Nullable RegisteredClient resolve(String clientId, Function<String, @Nullable RegisteredClient> resolver) {
		if (!hasCapacity()) {
			return null;
		}
		RegisteredClient resolved = resolver.apply(clientId);
		if (resolved == null || !resolved.getClientId().equals(clientId)) {
			return null;
		}
		synchronized (this) {
			RegisteredClient existing = findById(resolved.getId());
			if (existing != null) {
				return existing;
			}
			if (!hasCapacity()) {
				return null;
			}
			save(resolved, this.resolvedTimeToLive);
			return resolved;
		}
	}

	private @Nullable RegisteredClient unlessExpired(@Nullable Entry entry) {
		if (entry == null) {
			return null;
		}
		if (this.clock.instant().isBefore(entry.expiresAt())) {
			return entry.client();
		}
		remove(entry);
		return null;
	}

	private void removeExpired() {
		Instant now = this.clock.instant();
		this.clientsById.values()
			.stream()
			.filter((entry) -> !now.isBefore(entry.expiresAt()))
			.toList()
			.forEach(this::remove);
	}

	private void remove(Entry entry) {
		this.clientsById.remove(entry.client().getId(), entry);
		this.idsByClientId.remove(entry.client().getClientId(), entry.client().getId());
	}

	private record Entry(RegisteredClient client, Instant expiresAt) {
	}

}
