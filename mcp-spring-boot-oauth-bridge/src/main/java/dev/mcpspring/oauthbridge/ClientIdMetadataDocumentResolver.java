package dev.mcpspring.oauthbridge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.OAuth2ClientMetadataClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2ClientRegistration;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientRegistrationAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientRegistrationAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.http.converter.OAuth2ClientRegistrationHttpMessageConverter;
import org.springframework.util.Assert;

/**
 * Resolves a client ID that is the HTTPS URL of a client ID metadata document, as MCP
 * clients without a prior relationship to the authorization server use: the document is
 * fetched (no redirects, a size limit and a timeout), must name itself as
 * {@code client_id}, and must pass the same rules as a dynamic registration.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://datatracker.ietf.org/doc/html/draft-ietf-oauth-client-id-metadata-document-00">OAuth
 * Client ID Metadata Document</a>
 */
public class ClientIdMetadataDocumentResolver implements Function<String, @Nullable RegisteredClient> {

	private static final int MAX_DOCUMENT_SIZE = 5 * 1024;

	private static final Log logger = LogFactory.getLog(ClientIdMetadataDocumentResolver.class);

	private final HttpMessageConverter<OAuth2ClientRegistration> reader = new OAuth2ClientRegistrationHttpMessageConverter();

	private final HttpClient http;

	private final Duration timeout;

	private final DynamicClientRegistrationValidator validator;

	private final DynamicRegisteredClientConverter converter;

	/**
	 * Create a resolver.
	 * @param http the client the documents are fetched with; it must not follow redirects
	 * @param timeout longest time to fetch a document
	 * @param validator the rules a document must pass, those of dynamic registrations
	 * @param converter turns an accepted document into a client
	 */
	public ClientIdMetadataDocumentResolver(HttpClient http, Duration timeout,
			DynamicClientRegistrationValidator validator, DynamicRegisteredClientConverter converter) {
		Assert.notNull(http, "HttpClient is required");
		Assert.state(http.followRedirects() == HttpClient.Redirect.NEVER, "The HttpClient must not follow redirects");
		this.http = http;
		this.timeout = timeout;
		this.validator = validator;
		this.converter = converter;
	}

	@Override
	public @Nullable RegisteredClient apply(String clientId) {
		URI uri = documentUri(clientId);
		if (uri == null) {
			return null;
		}
		try {
			OAuth2ClientRegistration document = fetch(uri);
			if (document == null
					|| !clientId.equals(document.getClaimAsString(OAuth2ClientMetadataClaimNames.CLIENT_ID))) {
				return null;
			}
			this.validator.accept(OAuth2ClientRegistrationAuthenticationContext
				.with(new OAuth2ClientRegistrationAuthenticationToken(new AnonymousAuthenticationToken("cimd",
						"anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")), document))
				.build());
			RegisteredClient client = this.converter.convert(document);
			return RegisteredClient.from(client).id(idOf(clientId)).clientId(clientId).build();
		}
		catch (OAuth2AuthenticationException ex) {
			debug("its document breaks the rules of registrations: " + ex.getError().getDescription());
			return null;
		}
		catch (IOException | RuntimeException ex) {
			debug("its document could not be read (" + ex.getClass().getSimpleName() + ")");
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private @Nullable OAuth2ClientRegistration fetch(URI uri) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.timeout(this.timeout)
			.GET()
			.build();
		HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream body = response.body()) {
			if (response.statusCode() != 200) {
				debug("its document answered HTTP " + response.statusCode());
				return null;
			}
			byte[] content = body.readNBytes(MAX_DOCUMENT_SIZE + 1);
			if (content.length > MAX_DOCUMENT_SIZE) {
				debug("its document is larger than " + MAX_DOCUMENT_SIZE + " bytes");
				return null;
			}
			return this.reader.read(OAuth2ClientRegistration.class, new Document(content));
		}
	}

	/**
	 * The URL of a client ID that names a document: HTTPS, with a path, without fragment
	 * or user info.
	 */
	static @Nullable URI documentUri(String clientId) {
		try {
			URI uri = new URI(clientId);
			boolean document = "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null
					&& uri.getRawFragment() == null && uri.getRawPath() != null && uri.getRawPath().length() > 1;
			return document ? uri : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static String idOf(String clientId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(clientId.getBytes(StandardCharsets.UTF_8));
			return "cimd-" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void debug(String reason) {
		if (logger.isDebugEnabled()) {
			logger.debug("Refused a client ID metadata document: " + reason);
		}
	}

	private static final class Document implements HttpInputMessage {

		private final byte[] content;

		private Document(byte[] content) {
			this.content = content;
		}

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(this.content);
		}

		@Override
		public HttpHeaders getHeaders() {
			HttpHeaders headers = new HttpHeaders();
			headers.setContentType(MediaType.APPLICATION_JSON);
			return headers;
		}

	}

}
