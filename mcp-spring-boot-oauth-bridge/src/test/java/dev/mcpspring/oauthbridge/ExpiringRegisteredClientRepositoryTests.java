package dev.mcpspring.oauthbridge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ExpiringRegisteredClientRepositoryTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final ExpiringRegisteredClientRepository repository = new ExpiringRegisteredClientRepository(2,
			Duration.ofHours(1), this.clock);

	@Test
	void findsSavedClientsByIdAndClientId() {
		RegisteredClient client = client();
		this.repository.save(client);
		assertThat(this.repository.findById(client.getId())).isEqualTo(client);
		assertThat(this.repository.findByClientId(client.getClientId())).isEqualTo(client);
		assertThat(this.repository.findByClientId("unknown")).isNull();
	}

	@Test
	void refusesClientsBeyondItsCapacity() {
		this.repository.save(client());
		this.repository.save(client());
		assertThat(this.repository.hasCapacity()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> this.repository.save(client()))
			.withMessage("No room for another registered client");
	}

	@Test
	void savingAKnownClientAgainNeedsNoRoom() {
		RegisteredClient first = client();
		this.repository.save(first);
		this.repository.save(client());
		this.repository.save(RegisteredClient.from(first).clientName("renamed").build());
		assertThat(this.repository.findById(first.getId()).getClientName()).isEqualTo("renamed");
	}

	@Test
	void forgetsClientsOnceTheirRegistrationExpiresAndMakesRoom() {
		RegisteredClient client = client();
		this.repository.save(client);
		this.repository.save(client());
		this.clock.advance(Duration.ofMinutes(59));
		assertThat(this.repository.findByClientId(client.getClientId())).isEqualTo(client);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.repository.findByClientId(client.getClientId())).isNull();
		assertThat(this.repository.findById(client.getId())).isNull();
		assertThat(this.repository.hasCapacity()).isTrue();
		assertThat(this.repository.size()).isZero();
	}

	@Test
	void resolvesUnknownClientIdsAndKeepsThemForTheirOwnTimeToLive() {
		RegisteredClient document = client("https://client.example/metadata.json");
		this.repository.setResolver((clientId) -> clientId.equals(document.getClientId()) ? document : null,
				Duration.ofMinutes(10));
		assertThat(this.repository.findByClientId("https://other.example/metadata.json")).isNull();
		assertThat(this.repository.findByClientId(document.getClientId())).isEqualTo(document);
		assertThat(this.repository.findById(document.getId())).isEqualTo(document);
		assertThat(this.repository.size()).isOne();
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.repository.findById(document.getId())).isNull();
	}

	@Test
	void resolvedClientsCountTowardsTheCapacity() {
		this.repository.save(client());
		this.repository.save(client());
		RegisteredClient document = client("https://client.example/metadata.json");
		this.repository.setResolver((clientId) -> document, Duration.ofMinutes(10));
		assertThat(this.repository.findByClientId(document.getClientId())).isNull();
	}

	@Test
	void resolvedClientMustHaveTheClientIdAskedFor() {
		RegisteredClient document = client("https://client.example/metadata.json");
		this.repository.setResolver((clientId) -> document, Duration.ofMinutes(10));
		assertThat(this.repository.findByClientId("https://client.example/other.json")).isNull();
		assertThat(this.repository.size()).isZero();
	}

	private RegisteredClient client() {
		return client(UUID.randomUUID().toString());
	}

	private RegisteredClient client(String clientId) {
		return RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(clientId)
			.clientIdIssuedAt(this.clock.instant())
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("http://127.0.0.1:9/callback")
			.build();
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
