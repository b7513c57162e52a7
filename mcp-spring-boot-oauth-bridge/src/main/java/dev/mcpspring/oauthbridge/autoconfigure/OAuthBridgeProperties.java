package dev.mcpspring.oauthbridge.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the MCP OAuth bridge.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("mcp.oauth-bridge")
public class OAuthBridgeProperties {

	/**
	 * Whether to run the OAuth bridge, an authorization server for MCP clients that logs
	 * users in at the upstream identity provider of spring.security.oauth2.client. Needs
	 * a servlet web application.
	 */
	private boolean enabled;

	/**
	 * Canonical URIs of the MCP servers tokens are issued for, as each names itself in
	 * mcp.server.security.resource; startup fails without. A token's audience is the one
	 * the client asked for with the RFC 8707 resource parameter, or the only one when the
	 * client names none.
	 */
	private List<URI> resources = new ArrayList<>();

	/**
	 * Scopes MCP clients may register for and ask for, such as those of
	 * mcp.server.security.scopes-supported; startup fails without, as users consent to
	 * scopes. A client that registers without scope may ask for all of them.
	 */
	private List<String> scopes = new ArrayList<>();

	/**
	 * Registration id, under spring.security.oauth2.client.registration, of the upstream
	 * identity provider users log in at. Needed only when there are several; without it,
	 * users pick one on Spring Security's login page.
	 */
	private @Nullable String upstreamRegistration;

	private final Registration registration = new Registration();

	private final ClientIdMetadataDocuments clientIdMetadataDocuments = new ClientIdMetadataDocuments();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<URI> getResources() {
		return this.resources;
	}

	public void setResources(List<URI> resources) {
		this.resources = resources;
	}

	public List<String> getScopes() {
		return this.scopes;
	}

	public void setScopes(List<String> scopes) {
		this.scopes = scopes;
	}

	public @Nullable String getUpstreamRegistration() {
		return this.upstreamRegistration;
	}

	public void setUpstreamRegistration(@Nullable String upstreamRegistration) {
		this.upstreamRegistration = upstreamRegistration;
	}

	public Registration getRegistration() {
		return this.registration;
	}

	public ClientIdMetadataDocuments getClientIdMetadataDocuments() {
		return this.clientIdMetadataDocuments;
	}

	/**
	 * Client IDs that are HTTPS URLs of client ID metadata documents.
	 */
	public static class ClientIdMetadataDocuments {

		/**
		 * Whether client IDs may be HTTPS URLs of client ID metadata documents, which the
		 * bridge then fetches. The documents pass the rules of dynamic registrations, and
		 * the clients count towards registration.max-clients.
		 */
		private boolean enabled;

		/**
		 * How long a fetched document is used before it is fetched again.
		 */
		private Duration timeToLive = Duration.ofHours(1);

		/**
		 * Longest time to fetch a document.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		/**
		 * Name of the SSL bundle (spring.ssl.bundle) that documents are fetched with,
		 * such as one trusting a private certificate authority. The JDK's trust store
		 * when not set.
		 */
		private @Nullable String sslBundle;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getTimeToLive() {
			return this.timeToLive;
		}

		public void setTimeToLive(Duration timeToLive) {
			this.timeToLive = timeToLive;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public @Nullable String getSslBundle() {
			return this.sslBundle;
		}

		public void setSslBundle(@Nullable String sslBundle) {
			this.sslBundle = sslBundle;
		}

	}

	/**
	 * Open dynamic client registration (RFC 7591).
	 */
	public static class Registration {

		/**
		 * Most clients registered at once; further registrations are refused
		 * (temporarily_unavailable) until some expire.
		 */
		private int maxClients = 1000;

		/**
		 * How long a registration lasts; its client ID is then unknown and the client
		 * registers again.
		 */
		private Duration timeToLive = Duration.ofDays(7);

		/**
		 * Redirect URIs clients may register besides loopback ones (on 127.0.0.1, [::1]
		 * or localhost, any port): exact URIs, or prefixes ending with *.
		 */
		private List<String> redirectUris = new ArrayList<>();

		public int getMaxClients() {
			return this.maxClients;
		}

		public void setMaxClients(int maxClients) {
			this.maxClients = maxClients;
		}

		public Duration getTimeToLive() {
			return this.timeToLive;
		}

		public void setTimeToLive(Duration timeToLive) {
			this.timeToLive = timeToLive;
		}

		public List<String> getRedirectUris() {
			return this.redirectUris;
		}

		public void setRedirectUris(List<String> redirectUris) {
			this.redirectUris = redirectUris;
		}

	}

}
