package dev.mcpspring.server.logging;

import java.time.Duration;
import java.util.List;

import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.autoconfigure.McpWebFluxAutoConfiguration;
import dev.mcpspring.autoconfigure.startup.McpDiagnosticsAutoConfiguration;
import dev.mcpspring.server.McpContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TrafficLoggingInterceptor}: a client talks to a server over Streamable
 * HTTP while the traffic is logged, and no secret it sends or receives reaches the log.
 *
 * @author MCP Spring Boot team
 */
@ExtendWith(OutputCaptureExtension.class)
class TrafficLoggingInterceptorTests {

	private static final List<String> SECRETS = List.of("hunter2-PASSWORD", "k-APIKEY-123", "eyJ-BEARER-xyz",
			"tok-RESULT-9f8e7d", "p-PROGRESS-1");

	private static final String LOGIN = """
			{"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "login",
			 "_meta": {"progressToken": "p-PROGRESS-1"}, "arguments": {"username": "alice",
			 "password": "hunter2-PASSWORD", "apiKey": "k-APIKEY-123", "note": "Bearer eyJ-BEARER-xyz"}}}""";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class, McpServerAutoConfiguration.class,
				McpWebFluxAutoConfiguration.class, McpDiagnosticsAutoConfiguration.class))
		.withBean(LoginTools.class);

	private final LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());

	@AfterEach
	void resetLevel() {
		this.loggingSystem.setLogLevel(TrafficLoggingInterceptor.LOGGER_NAME, null);
	}

	@Test
	void offByDefault(CapturedOutput output) {
		this.loggingSystem.setLogLevel(TrafficLoggingInterceptor.LOGGER_NAME, LogLevel.DEBUG);
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(TrafficLoggingInterceptor.class);
			exchange(context);
			assertThat(output).doesNotContain("--> request").doesNotContain("<-- response");
		});
	}

	@Test
	void logsOneLinePerMessageAtInfo(CapturedOutput output) {
		this.loggingSystem.setLogLevel(TrafficLoggingInterceptor.LOGGER_NAME, LogLevel.INFO);
		this.contextRunner.withPropertyValues("mcp.server.logging.traffic=true").run((context) -> {
			String session = exchange(context).substring(0, 8);
			assertThat(output).contains("--> request initialize id=1 session=" + session)
				.containsPattern("<-- response initialize id=1 session=" + session + " result in \\d+ ms")
				.contains("--> notification notifications/initialized session=" + session)
				.contains("--> request tools/call id=2 session=" + session)
				.contains("<-- notification notifications/progress session=" + session + " during id=2")
				.containsPattern("<-- response tools/call id=2 session=" + session + " result in \\d+ ms")
				.contains("--> request tools/call id=3 session=" + session)
				.containsPattern("<-- response tools/call id=3 session=" + session + " result with isError in \\d+ ms")
				.containsPattern("<-- response tools/call id=4 session=" + session + " error -32602 in \\d+ ms")
				.doesNotContain("alice");
			assertThat(SECRETS).noneMatch(output.getAll()::contains);
		});
	}

	@Test
	void logsRedactedPayloadsAtDebug(CapturedOutput output) {
		this.loggingSystem.setLogLevel(TrafficLoggingInterceptor.LOGGER_NAME, LogLevel.DEBUG);
		this.contextRunner.withPropertyValues("mcp.server.logging.traffic=true").run((context) -> {
			exchange(context);
			assertThat(output).contains("\"username\":\"alice\"")
				.contains("\"password\":\"******\"")
				.contains("\"apiKey\":\"******\"")
				.contains("\"note\":\"******\"")
				.contains("\"progressToken\":\"******\"")
				.contains("\"user\":\"alice\"")
				.contains("\"accessToken\":\"******\"")
				.contains("\\\"accessToken\\\":\\\"******\\\"");
			assertThat(SECRETS).noneMatch(output.getAll()::contains);
		});
	}

	@Test
	void redactedNamesAndPayloadLengthAreConfigurable(CapturedOutput output) {
		this.loggingSystem.setLogLevel(TrafficLoggingInterceptor.LOGGER_NAME, LogLevel.DEBUG);
		this.contextRunner
			.withPropertyValues("mcp.server.logging.traffic=true", "mcp.server.logging.redacted-names=username",
					"mcp.server.logging.max-payload-length=60")
			.run((context) -> {
				exchange(context);
				assertThat(output).contains("--> request tools/call id=2")
					.contains("\"username\":\"******\"")
					.containsPattern("\\.\\.\\. \\(\\d+ characters\\)")
					.doesNotContain("bob");
			});
	}

	@Test
	void silentAboveInfo(CapturedOutput output) {
		this.loggingSystem.setLogLevel(TrafficLoggingInterceptor.LOGGER_NAME, LogLevel.WARN);
		this.contextRunner.withPropertyValues("mcp.server.logging.traffic=true").run((context) -> {
			assertThat(context).hasSingleBean(TrafficLoggingInterceptor.class);
			exchange(context);
			assertThat(output).doesNotContain("--> request");
		});
	}

	/**
	 * Initialize, call the login tool, call it with missing arguments, then call a tool
	 * that does not exist.
	 * @return the session id
	 */
	private static String exchange(ApplicationContext context) {
		WebTestClient client = WebTestClient.bindToApplicationContext(context)
			.configureClient()
			.defaultHeader(HttpHeaders.HOST, "localhost:8080")
			.responseTimeout(Duration.ofSeconds(10))
			.build();
		String session = post(client, null, """
				{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-11-25",
				 "capabilities": {}, "clientInfo": {"name": "test", "version": "1.0.0"}}}""").expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("Mcp-Session-Id");
		assertThat(session).isNotNull();
		post(client, session, "{\"jsonrpc\": \"2.0\", \"method\": \"notifications/initialized\"}").expectStatus()
			.isAccepted();
		post(client, session, LOGIN).expectStatus().isOk().expectBody(String.class).value((body) -> {
			assertThat(body).contains("tok-RESULT-9f8e7d");
		});
		post(client, session, """
				{"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "login",
				 "arguments": {"username": "bob"}}}""").expectStatus().isOk();
		post(client, session, """
				{"jsonrpc": "2.0", "id": 4, "method": "tools/call", "params": {"name": "logout"}}""").expectStatus()
			.isOk();
		return session;
	}

	private static WebTestClient.ResponseSpec post(WebTestClient client, String session, String body) {
		return client.post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM)
			.headers((headers) -> {
				if (session != null) {
					headers.set("Mcp-Session-Id", session);
					headers.set("MCP-Protocol-Version", "2025-11-25");
				}
			})
			.bodyValue(body)
			.exchange();
	}

	static class LoginTools {

		@McpTool(description = "Log in")
		Login login(String username, String password, String apiKey, String note, McpContext context) {
			context.progress(0.5, 1.0, "checking");
			return new Login(username, "tok-RESULT-9f8e7d");
		}

	}

	record Login(String user, String accessToken) {
	}

}
