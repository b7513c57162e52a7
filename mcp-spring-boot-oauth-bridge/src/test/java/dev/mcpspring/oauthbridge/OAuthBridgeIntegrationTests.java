package dev.mcpspring.oauthbridge;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.mcpspring.annotation.McpTool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OAuth bridge end to end, all on 127.0.0.1: an upstream identity provider (a plain
 * Spring Authorization Server with a form login), the bridge logging users in there, and
 * an MCP server of this project whose tokens come from the bridge. Driven by the official
 * TypeScript SDK client's OAuth support, and by a Java user agent for the refusals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthBridgeIntegrationTests {

	static final String USERNAME = "alice";

	static final String PASSWORD = "wonderland-" + UUID.randomUUID();

	static final String JAVA_REDIRECT_URI = "http://127.0.0.1:9/callback";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private String upstream;

	private String bridge;

	private String mcpUrl;

	private String otherResource;

	private ConfigurableApplicationContext bridgeContext;

	private ClientIdMetadataDocumentServer documents;

	@BeforeAll
	void start(@TempDir Path certificates) throws Exception {
		this.documents = new ClientIdMetadataDocumentServer(certificates);
		this.upstream = "http://127.0.0.1:"
				+ port(start(new SpringApplicationBuilder(IdentityProviderApp.class).web(WebApplicationType.SERVLET)
					.properties(upstreamProperties())));
		int mcpPort = freePort();
		this.mcpUrl = "http://127.0.0.1:" + mcpPort + "/mcp";
		this.otherResource = "http://127.0.0.1:" + mcpPort + "/other-mcp";
		this.bridgeContext = start(new SpringApplicationBuilder(BridgeApp.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "server.address=127.0.0.1", "mcp.server.enabled=false",
					"mcp.oauth-bridge.enabled=true",
					"mcp.oauth-bridge.resources=" + this.mcpUrl + "," + this.otherResource,
					"mcp.oauth-bridge.scopes=mcp:read,mcp:admin",
					"spring.security.oauth2.client.registration.idp.client-id=bridge",
					"spring.security.oauth2.client.registration.idp.client-secret=bridge-secret",
					"spring.security.oauth2.client.registration.idp.authorization-grant-type=authorization_code",
					"spring.security.oauth2.client.registration.idp.scope=openid,profile",
					"spring.security.oauth2.client.provider.idp.issuer-uri=" + this.upstream,
					"mcp.oauth-bridge.client-id-metadata-documents.enabled=true",
					"mcp.oauth-bridge.client-id-metadata-documents.ssl-bundle=documents",
					"spring.ssl.bundle.jks.documents.truststore.location=file:" + this.documents.keyStore(),
					"spring.ssl.bundle.jks.documents.truststore.type=PKCS12",
					"spring.ssl.bundle.jks.documents.truststore.password=" + ClientIdMetadataDocumentServer.PASSWORD));
		this.bridge = "http://127.0.0.1:" + port(this.bridgeContext);
		start(new SpringApplicationBuilder(McpApp.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=" + mcpPort, "server.address=127.0.0.1",
					"spring.security.oauth2.resourceserver.jwt.issuer-uri=" + this.bridge,
					"mcp.server.security.resource=" + this.mcpUrl, "mcp.server.security.scopes-supported=mcp:read"));
	}

	private static String[] upstreamProperties() {
		String client = "spring.security.oauth2.authorizationserver.client.bridge.registration.";
		return new String[] { "server.port=0", "server.address=127.0.0.1", "mcp.server.enabled=false",
				// the bridge is on the same host: browsers would mix up two JSESSIONID
				// cookies
				"server.servlet.session.cookie.name=UPSTREAM_SESSION", "spring.security.user.name=" + USERNAME,
				"spring.security.user.password=" + PASSWORD, client + "client-id=bridge",
				client + "client-secret={noop}bridge-secret",
				client + "client-authentication-methods=client_secret_basic",
				client + "authorization-grant-types=authorization_code",
				// a loopback redirect URI matches whatever the port (RFC 8252)
				client + "redirect-uris=http://127.0.0.1/login/oauth2/code/idp", client + "scopes=openid,profile" };
	}

	@AfterAll
	void stop() {
		List<ConfigurableApplicationContext> started = new ArrayList<>(this.contexts);
		Collections.reverse(started);
		started.forEach(ConfigurableApplicationContext::close);
		if (this.documents != null) {
			this.documents.close();
		}
	}

	@Test
	void typeScriptSdkClientRegistersLogsInUpstreamConsentsAndCallsTool(@TempDir Path output) throws Exception {
		RegisteredClientRepository clients = this.bridgeContext.getBean(RegisteredClientRepository.class);
		JsonNode report = runNode(output, "ts-sdk-v1-oauth.mjs", this.mcpUrl, USERNAME, PASSWORD);

		assertThat(report.path("firstAttempt").asString()).isEqualTo("UnauthorizedError");
		// registered dynamically, as a public client
		assertThat(clientRequests(report)).contains("POST /oauth2/register 201", "POST /oauth2/token 200");
		RegisteredClient registered = clients.findByClientId(report.path("client").path("clientId").asString());
		assertThat(registered).isNotNull();
		assertThat(registered.getClientSettings().isRequireProofKey()).isTrue();
		assertThat(registered.getClientSettings().isRequireAuthorizationConsent()).isTrue();
		assertThat(report.path("client").path("tokenEndpointAuthMethod").asString()).isEqualTo("none");
		assertThat(report.path("client").path("hasSecret").asBoolean()).isFalse();
		// PKCE and the resource indicator on the authorization request, the verifier on
		// the token request
		JsonNode authorization = report.path("authorizationRequest");
		assertThat(authorization.path("host").asString()).isEqualTo(URI.create(this.bridge).getAuthority());
		assertThat(authorization.path("hasCodeChallenge").asBoolean()).isTrue();
		assertThat(authorization.path("parameters").path("code_challenge_method").asString()).isEqualTo("S256");
		assertThat(authorization.path("parameters").path("resource").asString()).isEqualTo(this.mcpUrl);
		assertThat(authorization.path("parameters").path("scope").asString()).isEqualTo("mcp:read");
		assertThat(tokenRequestParameters(report)).contains("code_verifier", "resource", "client_id")
			.doesNotContain("client_secret");
		// the user logged in upstream, then consented at the bridge, then landed on the
		// redirect URI
		assertThat(report.path("loginPage").path("host").asString())
			.isEqualTo(URI.create(this.upstream).getAuthority());
		assertThat(report.path("consentPage").path("host").asString())
			.isEqualTo(URI.create(this.bridge).getAuthority());
		assertThat(report.path("consentPage").path("scopes").valueStream().map(JsonNode::asString))
			.containsExactly("mcp:read");
		assertThat(report.path("callback").path("stateMatches").asBoolean()).isTrue();
		// a token for the MCP server, in the name of the upstream user
		JsonNode claims = report.path("token").path("claims");
		assertThat(audience(claims)).containsExactly(this.mcpUrl);
		assertThat(claims.path("sub").asString()).isEqualTo(USERNAME);
		assertThat(claims.path("iss").asString()).isEqualTo(this.bridge);
		assertThat(report.path("token").path("scope").asString()).isEqualTo("mcp:read");
		assertThat(report.path("token").path("hasRefreshToken").asBoolean()).isFalse();
		assertThat(report.path("toolResult").path("isError").asBoolean()).isFalse();
		assertThat(report.path("toolResult").path("text").asString()).isEqualTo(USERNAME);
	}

	@Test
	void typeScriptSdkClientWithClientIdMetadataDocumentLogsInWithoutRegistering(@TempDir Path output)
			throws Exception {
		String documentUrl = this.documents.url("/clients/typescript.json");
		this.documents.serve("/clients/typescript.json", "{\"client_id\":\"" + documentUrl + "\","
				+ "\"client_name\":\"TypeScript SDK test client\",\"redirect_uris\":[\"http://127.0.0.1/callback\"],"
				+ "\"grant_types\":[\"authorization_code\"],\"response_types\":[\"code\"],"
				+ "\"token_endpoint_auth_method\":\"none\"}");
		JsonNode report = runNode(output, "ts-sdk-v1-oauth.mjs", this.mcpUrl, USERNAME, PASSWORD, documentUrl);

		assertThat(clientRequests(report)).noneMatch((request) -> request.contains("/oauth2/register"))
			.contains("POST /oauth2/token 200");
		assertThat(report.path("client").path("clientId").asString()).isEqualTo(documentUrl);
		assertThat(report.path("authorizationRequest").path("parameters").path("client_id").asString())
			.isEqualTo(documentUrl);
		assertThat(this.documents.fetches("/clients/typescript.json")).isPositive();
		assertThat(audience(report.path("token").path("claims"))).containsExactly(this.mcpUrl);
		assertThat(report.path("toolResult").path("text").asString()).isEqualTo(USERNAME);
	}

	@Test
	void clientIdMetadataDocumentNamingAnotherClientIsNotAClient() throws Exception {
		String documentUrl = this.documents.serve("/clients/impostor.json",
				"{\"client_id\":\"https://trusted.example/client.json\",\"redirect_uris\":[\"" + JAVA_REDIRECT_URI
						+ "\"],\"token_endpoint_auth_method\":\"none\"}");
		UserAgent.Page page = new UserAgent(JAVA_REDIRECT_URI)
			.open(authorizationUri(new Registration(documentUrl), new Pkce(), this.mcpUrl));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.uri().getAuthority()).isEqualTo(URI.create(this.bridge).getAuthority());
		assertThat(this.documents.fetches("/clients/impostor.json")).isPositive();
	}

	@Test
	void tokenForAnotherResourceIsRefusedByTheMcpServer() throws Exception {
		JsonNode token = authorizeAndExchange(this.otherResource, this.otherResource);
		String accessToken = token.path("access_token").asString();
		assertThat(audience(claims(accessToken))).containsExactly(this.otherResource);
		HttpResponse<String> refused = initialize(accessToken);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\"")
				.doesNotContain(accessToken));
	}

	@Test
	void tokenFromJavaUserAgentForTheMcpServerIsAccepted() throws Exception {
		JsonNode token = authorizeAndExchange(this.mcpUrl, this.mcpUrl);
		assertThat(initialize(token.path("access_token").asString()).statusCode()).isEqualTo(200);
	}

	@Test
	void tokenRequestNamingAnotherResourceThanTheAuthorizationIsInvalidTarget() throws Exception {
		Registration client = register();
		Pkce pkce = new Pkce();
		String code = authorize(client, pkce, this.mcpUrl);
		HttpResponse<String> response = token(client, pkce, code, this.otherResource);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo("invalid_target");
	}

	@Test
	void authorizationRequestForAnUnknownResourceIsRedirectedWithInvalidTargetBeforeLogin() throws Exception {
		Registration client = register();
		UserAgent.Page page = new UserAgent(JAVA_REDIRECT_URI)
			.open(authorizationUri(client, new Pkce(), "https://elsewhere.example/mcp"));
		assertThat(page.uri().toString()).startsWith(JAVA_REDIRECT_URI).contains("error=invalid_target");
	}

	@Test
	void metadataAdvertisesOpenRegistrationAndPkce() throws Exception {
		JsonNode metadata = JSON.readTree(get(this.bridge + "/.well-known/oauth-authorization-server").body());
		assertThat(metadata.path("issuer").asString()).isEqualTo(this.bridge);
		assertThat(metadata.path("registration_endpoint").asString()).isEqualTo(this.bridge + "/oauth2/register");
		assertThat(metadata.path("code_challenge_methods_supported").valueStream().map(JsonNode::asString))
			.contains("S256");
		assertThat(metadata.path("token_endpoint_auth_methods_supported").valueStream().map(JsonNode::asString))
			.contains("none");
		assertThat(metadata.path("client_id_metadata_document_supported").asBoolean()).isTrue();
		// no OpenID Connect towards MCP clients: discovery falls back to the metadata
		// above
		assertThat(get(this.bridge + "/.well-known/openid-configuration").statusCode()).isEqualTo(404);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"{\"redirect_uris\":[\"https://evil.example/callback\"],\"token_endpoint_auth_method\":\"none\"}|invalid_redirect_uri",
			"{\"redirect_uris\":[\"http://127.0.0.1:9/cb#fragment\"],\"token_endpoint_auth_method\":\"none\"}|invalid_redirect_uri",
			"{\"token_endpoint_auth_method\":\"none\"}|invalid_redirect_uri",
			"{\"redirect_uris\":[\"http://127.0.0.1:9/cb\"],\"token_endpoint_auth_method\":\"client_secret_basic\"}|invalid_client_metadata",
			"{\"redirect_uris\":[\"http://127.0.0.1:9/cb\"]}|invalid_client_metadata",
			"{\"redirect_uris\":[\"http://127.0.0.1:9/cb\"],\"token_endpoint_auth_method\":\"none\",\"scope\":\"mcp:read root\"}|invalid_client_metadata",
			"{\"redirect_uris\":[\"http://127.0.0.1:9/cb\"],\"token_endpoint_auth_method\":\"none\",\"grant_types\":[\"client_credentials\"]}|invalid_client_metadata",
			"{\"redirect_uris\":\"not a list\"|invalid_request" })
	void registrationsOutsideThePolicyAreRefused(String body, String error) throws Exception {
		HttpResponse<String> response = post(this.bridge + "/oauth2/register", "application/json", body);
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode answer = JSON.readTree(response.body());
		assertThat(answer.path("error").asString()).isEqualTo(error);
		assertThat(response.body()).doesNotContain("evil.example").doesNotContain("root").doesNotContain("not a list");
	}

	// the Java user agent's flow

	private JsonNode authorizeAndExchange(String authorizedResource, String tokenResource) throws Exception {
		Registration client = register();
		Pkce pkce = new Pkce();
		String code = authorize(client, pkce, authorizedResource);
		HttpResponse<String> response = token(client, pkce, code, tokenResource);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode token = JSON.readTree(response.body());
		// public clients get no refresh token
		assertThat(token.has("refresh_token")).isFalse();
		return token;
	}

	private Registration register() throws Exception {
		HttpResponse<String> response = post(this.bridge + "/oauth2/register", "application/json",
				"{\"client_name\":\"java\",\"redirect_uris\":[\"" + JAVA_REDIRECT_URI + "\"],"
						+ "\"token_endpoint_auth_method\":\"none\",\"grant_types\":[\"authorization_code\"],"
						+ "\"response_types\":[\"code\"],\"scope\":\"mcp:read\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return new Registration(JSON.readTree(response.body()).path("client_id").asString());
	}

	private String authorize(Registration client, Pkce pkce, String resource) throws Exception {
		UserAgent browser = new UserAgent(JAVA_REDIRECT_URI);
		UserAgent.Page login = browser.open(authorizationUri(client, pkce, resource));
		assertThat(login.uri().getAuthority()).isEqualTo(URI.create(this.upstream).getAuthority());
		UserAgent.Page consent = browser.submit(login,
				Map.of("username", List.of(USERNAME), "password", List.of(PASSWORD)));
		assertThat(consent.uri().getAuthority()).as(consent.body()).isEqualTo(URI.create(this.bridge).getAuthority());
		UserAgent.Page landing = browser.submit(consent, Map.of("scope", consent.form().checkboxes()));
		assertThat(landing.uri().toString()).startsWith(JAVA_REDIRECT_URI).contains("state=java-state");
		return query(landing.uri()).get("code");
	}

	private URI authorizationUri(Registration client, Pkce pkce, String resource) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("response_type", "code");
		parameters.put("client_id", client.clientId());
		parameters.put("redirect_uri", JAVA_REDIRECT_URI);
		parameters.put("scope", "mcp:read");
		parameters.put("state", "java-state");
		parameters.put("code_challenge", pkce.challenge());
		parameters.put("code_challenge_method", "S256");
		parameters.put("resource", resource);
		return URI.create(this.bridge + "/oauth2/authorize?" + form(parameters));
	}

	private HttpResponse<String> token(Registration client, Pkce pkce, String code, String resource) throws Exception {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("grant_type", "authorization_code");
		parameters.put("code", code);
		parameters.put("redirect_uri", JAVA_REDIRECT_URI);
		parameters.put("client_id", client.clientId());
		parameters.put("code_verifier", pkce.verifier());
		parameters.put("resource", resource);
		return post(this.bridge + "/oauth2/token", "application/x-www-form-urlencoded", form(parameters));
	}

	private HttpResponse<String> initialize(String accessToken) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.mcpUrl))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.header("Authorization", "Bearer " + accessToken)
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
					+ "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
					+ "\"clientInfo\":{\"name\":\"java\",\"version\":\"1\"}}}"))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String uri) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String uri, String contentType, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(uri))
			.header("Content-Type", contentType)
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String form(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			String[] parts = pair.split("=", 2);
			values.put(parts[0], (parts.length > 1) ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
		}
		return values;
	}

	private static JsonNode claims(String jwt) {
		return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
	}

	/**
	 * The audience of a token: one string, or an array of them (RFC 7519).
	 */
	private static List<String> audience(JsonNode claims) {
		JsonNode audience = claims.path("aud");
		return audience.isArray() ? audience.valueStream().map(JsonNode::asString).toList()
				: List.of(audience.asString());
	}

	private static List<String> clientRequests(JsonNode report) {
		return report.path("clientRequests")
			.valueStream()
			.map((request) -> request.path("method").asString() + " " + request.path("path").asString() + " "
					+ request.path("status").asInt())
			.toList();
	}

	private static List<String> tokenRequestParameters(JsonNode report) {
		return report.path("clientRequests")
			.valueStream()
			.filter((request) -> request.path("path").asString().equals("/oauth2/token"))
			.flatMap((request) -> request.path("parameters").valueStream())
			.map(JsonNode::asString)
			.toList();
	}

	// the servers

	private static JsonNode runNode(Path output, String script, String... arguments) throws Exception {
		Path directory = Path.of("src", "test", "node");
		assertThat(directory.resolve("node_modules/@modelcontextprotocol/sdk/package.json"))
			.as("the TypeScript SDK is installed by 'npm ci' in %s (run by the build)", directory)
			.exists();
		Path stdout = output.resolve(script + ".json");
		Path stderr = output.resolve(script + ".stderr.txt");
		List<String> command = new ArrayList<>(List.of("node", script));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(directory.toFile())
			.redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile())
			.start();
		process.getOutputStream().close();
		boolean finished = process.waitFor(90, TimeUnit.SECONDS);
		if (!finished) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		assertThat(finished).as("%s finished; stderr:%n%s", script, Files.readString(stderr)).isTrue();
		assertThat(process.exitValue()).as("exit code of %s; stderr:%n%s", script, Files.readString(stderr)).isZero();
		return JSON.readTree(Files.readString(stdout));
	}

	private ConfigurableApplicationContext start(SpringApplicationBuilder builder) {
		ConfigurableApplicationContext context = builder.run();
		this.contexts.add(context);
		return context;
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	record Registration(String clientId) {
	}

	record Pkce(String verifier) {

		Pkce() {
			this(Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(UUID.randomUUID()
					.toString()
					.concat(UUID.randomUUID().toString())
					.getBytes(StandardCharsets.US_ASCII)));
		}

		String challenge() {
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256")
					.digest(this.verifier.getBytes(StandardCharsets.US_ASCII));
				return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class IdentityProviderApp {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class BridgeApp {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class McpApp {

		@Bean
		Tools tools() {
			return new Tools();
		}

	}

	static class Tools {

		@McpTool(description = "Who is calling", scopes = "mcp:read")
		String whoami(Principal principal) {
			return principal.getName();
		}

	}

}
