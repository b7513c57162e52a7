package dev.mcpspring.oauthbridge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.util.Assert;

/**
 * In-memory {@link RegisteredClientRepository} for clients that register themselves:
 * anyone may register, so the number of clients is capped and each registration expires
 * a fixed time after it was made. Expired clients are forgotten, and their client ID is no
 * longer recognised (MCP clients then register again).
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ExpiringRegisteredClientRepository implements RegisteredClientRepository {

	private final Map<String, RegisteredClient> clientsById = new ConcurrentHashMap<>();

	private final Map<String, String> idsByClientId = new ConcurrentHashMap<>();

	private final int maxClients;

	private final Duration timeToLive;

	private final Clock clock;

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
		this.clock = clock;
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
	public synchronized void save(RegisteredClient registeredClient) {
		Assert.notNull(registeredClient, "RegisteredClient is required");
		boolean known = this.clientsById.containsKey(registeredClient.getId());
		Assert.state(known || hasCapacity(), "No room for another registered client");
		String previous = this.idsByClientId.putIfAbsent(registeredClient.getClientId(), registeredClient.getId());
		Assert.state(previous == null || previous.equals(registeredClient.getId()),
				"Another registered client has the same client ID");
		this.clientsById.put(registeredClient.getId(), registeredClient);
	}

	@Override
	public @Nullable RegisteredClient findById(String id) {
		return unlessExpired(this.clientsById.get(id));
	}

	@Override
	public @Nullable RegisteredClient findByClientId(String clientId) {
		String id = this.idsByClientId.get(clientId);
		return (id != null) ? findById(id) : null;
	}

	private @Nullable RegisteredClient unlessExpired(@Nullable RegisteredClient client) {
		if (client == null || !isExpired(client, this.clock.instant())) {
			return client;
		}
		remove(client);
		return null;
	}

	private void removeExpired() {
		Instant now = this.clock.instant();
		this.clientsById.values().stream().filter((client) -> isExpired(client, now)).toList().forEach(this::remove);
	}

	private boolean isExpired(RegisteredClient client, Instant now) {
		Instant issuedAt = client.getClientIdIssuedAt();
		return issuedAt != null && !now.isBefore(issuedAt.plus(this.timeToLive));
	}

	private void remove(RegisteredClient client) {
		this.clientsById.remove(client.getId(), client);
		this.idsByClientId.remove(client.getClientId(), client.getId());
	}

}
