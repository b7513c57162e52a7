package dev.mcpspring.transport.webflux;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import dev.mcpspring.annotation.McpResource;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.server.McpContext;
import dev.mcpspring.test.RawHttp;
import dev.mcpspring.test.RawHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the Streamable HTTP endpoint treats requests that a client library would not send:
 * malformed or non-UTF-8 content types, duplicated security-relevant headers,
 * absolute-form request targets, invalid UTF-8. Raw bytes over a socket to a real Netty
 * server (issue 20).
 *
 * @author MCP Spring Boot team
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpHttpRequestStrictnessTests {

	private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
			+ "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

	private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
			+ "\"io.modelcontextprotocol/clientCapabilities\":{}}";

	private static final String STATELESS_ECHO = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{"
			+ META + ",\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}";

	private static final String STATELESS_HEADERS = "MCP-Protocol-Version: 2026-07-28\nMcp-Method: tools/call\n"
			+ "Mcp-Name: echo\n";

	private ConfigurableApplicationContext context;

	private int port;

	@BeforeAll
	void start() {
		this.context = new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off")
			.run();
		this.port = this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	@AfterAll
	void stop() {
		this.context.close();
	}

	private Response post(String headers, String body) throws IOException {
		return post(headers, body.getBytes(StandardCharsets.UTF_8));
	}

	private Response post(String headers, byte[] body) throws IOException {
		return RawHttp.exchange(this.port,
				"POST /mcp HTTP/1.1\nHost: localhost\nAccept: application/json, text/event-stream\n" + headers, body);
	}

	private String initialize() throws IOException {
		Response response = post("Content-Type: application/json\n", INITIALIZE);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.header("Mcp-Session-Id");
	}

	private static String sessionHeaders(String sessionId) {
		return "Content-Type: application/json\nMcp-Session-Id: " + sessionId + "\nMCP-Protocol-Version: 2025-11-25\n";
	}

	private static String echo(int id) {
		return "{\"jsonrpc\":\"2.0\",\"id\":" + id
				+ ",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}";
	}

	private void assertServedStateless() throws IOException {
		Response response = post("Content-Type: application/json\n" + STATELESS_HEADERS, STATELESS_ECHO);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"text\":\"echo hi\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain; a=application/json", "application/json; charset=utf-16",
			"application/json; charset=UTF-32", "application/json; charset=latin1",
			"application/json; charset=\"utf-16\"", "*/*", "application/*", "appl ication/json", "" })
	void contentTypeThatIsNotUtf8JsonIsUnsupportedMediaType(String contentType) throws IOException {
		Response session = post("Content-Type: " + contentType + "\n", INITIALIZE);
		assertThat(session.status()).as(session.body()).isEqualTo(415);
		assertThat(session.body()).isEqualTo(
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Content-Type must be application/json\"}}");
		Response stateless = post("Content-Type: " + contentType + "\n" + STATELESS_HEADERS, STATELESS_ECHO);
		assertThat(stateless.status()).as(stateless.body()).isEqualTo(415);
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
			"Application/JSON; charset=\"utf-8\"" })
	void utf8JsonContentTypesAreServed(String contentType) throws IOException {
		Response response = post("Content-Type: " + contentType + "\n" + STATELESS_HEADERS, STATELESS_ECHO);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@Test
	void utf16BodyWithByteOrderMarkIsParseError() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(STATELESS_ECHO.getBytes(StandardCharsets.UTF_16));
		Response response = post("Content-Type: application/json\n" + STATELESS_HEADERS, body.toByteArray());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}");
		assertServedStateless();
	}

	@Test
	void overlongUtf8NeverReachesAResourceTemplate() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"resources/read\",\"params\":{" + META
				+ ",\"uri\":\"files://")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(HexFormat.of().parseHex("C0AEC0AEC0AF"));
		body.writeBytes("secret\"}}".getBytes(StandardCharsets.UTF_8));
		Response response = post("Content-Type: application/json\nMCP-Protocol-Version: 2026-07-28\n"
				+ "Mcp-Method: resources/read\nMcp-Name: files://../secret\n", body.toByteArray());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("\"code\":-32700").doesNotContain("secret");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Origin: http://localhost\nOrigin: http://evil.example.com\n",
			"Origin: http://localhost\nOrigin: http://localhost\n", "Host: localhost\n",
			"MCP-Protocol-Version: 2025-11-25\nMCP-Protocol-Version: 2026-07-28\n", "Content-Type: application/json\n",
			"Mcp-Session-Id: unknown\n" })
	void duplicateSecurityRelevantHeadersAreBadRequest(String duplicates) throws IOException {
		String sessionId = initialize();
		Response response = post(sessionHeaders(sessionId) + duplicates, echo(3));
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.body())
			.startsWith("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Duplicate ");
		Response served = post(sessionHeaders(sessionId), echo(4));
		assertThat(served.status()).as(served.body()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Mcp-Method: tools/call\n", "Mcp-Name: echo\n", "Mcp-Name: other\n" })
	void duplicateStatelessRoutingHeadersAreBadRequest(String duplicate) throws IOException {
		Response response = post("Content-Type: application/json\n" + STATELESS_HEADERS + duplicate, STATELESS_ECHO);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains("Duplicate");
	}

	@Test
	void absoluteFormTargetIsCheckedLikeAHost() throws IOException {
		Response foreign = RawHttp.exchange(this.port, "POST http://evil.example.com/mcp HTTP/1.1\nHost: localhost\n"
				+ "Accept: application/json, text/event-stream\nContent-Type: application/json\n", INITIALIZE);
		assertThat(foreign.status()).as(foreign.body()).isEqualTo(403);
		assertThat(foreign.body()).contains("Forbidden host");
		Response loopback = RawHttp.exchange(this.port, "POST http://localhost:" + this.port + "/mcp HTTP/1.1\n"
				+ "Host: localhost\nAccept: application/json, text/event-stream\nContent-Type: application/json\n",
				INITIALIZE);
		assertThat(loopback.status()).as(loopback.body()).isEqualTo(200);
	}

	@Test
	void unparsableAcceptIsNotAcceptable() throws IOException {
		Response response = RawHttp.exchange(this.port,
				"POST /mcp HTTP/1.1\nHost: localhost\n" + "Accept: text/plain; a=b/c\nContent-Type: application/json\n",
				INITIALIZE);
		assertThat(response.status()).as(response.body()).isEqualTo(406);
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "DELETE" })
	void getAndDeleteOnTheStatelessRevisionAreMethodNotAllowed(String method) throws IOException {
		Response response = RawHttp.exchange(this.port, method + " /mcp HTTP/1.1\nHost: localhost\n"
				+ "Accept: text/event-stream\nMCP-Protocol-Version: 2026-07-28\n", new byte[0]);
		assertThat(response.status()).as(response.body()).isEqualTo(405);
		assertThat(response.header("Allow")).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "[1]", "true", "null" })
	void progressTokenThatIsNeitherStringNorNumberIsInvalidParams(String token) throws IOException {
		String body = STATELESS_ECHO.replace("\"io.modelcontextprotocol/clientCapabilities\":{}",
				"\"io.modelcontextprotocol/clientCapabilities\":{},\"progressToken\":" + token);
		Response stateless = post("Content-Type: application/json\n" + STATELESS_HEADERS, body);
		assertThat(stateless.status()).as(stateless.body()).isEqualTo(400);
		assertThat(stateless.body()).contains("\"code\":-32602").contains("progressToken");
		String sessionId = initialize();
		Response session = post(sessionHeaders(sessionId),
				echo(3).replace("\"params\":{", "\"params\":{\"_meta\":{\"progressToken\":" + token + "},"));
		assertThat(session.body()).contains("\"code\":-32602").contains("progressToken");
	}

	@Test
	void unknownLogLevelIsInvalidParams() throws IOException {
		String body = STATELESS_ECHO.replace("\"io.modelcontextprotocol/clientCapabilities\":{}",
				"\"io.modelcontextprotocol/clientCapabilities\":{},\"io.modelcontextprotocol/logLevel\":\"verbose\"");
		Response response = post("Content-Type: application/json\n" + STATELESS_HEADERS, body);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains("\"code\":-32602").contains("logLevel");
	}

	@Test
	void requestStateIsBoundToTheArgumentsItWasMintedFor() throws IOException {
		String headers = "Content-Type: application/json\nMCP-Protocol-Version: 2026-07-28\nMcp-Method: tools/call\n"
				+ "Mcp-Name: confirm\n";
		String meta = META.replace("\"io.modelcontextprotocol/clientCapabilities\":{}",
				"\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{\"form\":{}}}");
		Response first = post(headers, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{" + meta
				+ ",\"name\":\"confirm\",\"arguments\":{\"item\":\"small\"}}}");
		assertThat(first.body()).contains("\"resultType\":\"input_required\"");
		String state = first.body().replaceAll(".*\"requestState\":\"([^\"]+)\".*", "$1");
		String key = first.body().replaceAll(".*\"inputRequests\":\\{\"([^\"]+)\".*", "$1");
		String answer = ",\"requestState\":\"" + state + "\",\"inputResponses\":{\"" + key
				+ "\":{\"action\":\"accept\",\"content\":{\"ok\":true}}}";
		Response other = post(headers, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{" + meta
				+ ",\"name\":\"confirm\",\"arguments\":{\"item\":\"everything\"}" + answer + "}}");
		assertThat(other.body()).contains("\"code\":-32602").contains("requestState");
		Response same = post(headers, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{" + meta
				+ ",\"name\":\"confirm\",\"arguments\":{\"item\":\"small\"}" + answer + "}}");
		assertThat(same.status()).as(same.body()).isEqualTo(200);
		assertThat(same.body()).contains("\"text\":\"confirmed small\"");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(exclude = { ReactiveWebSecurityAutoConfiguration.class,
			ReactiveUserDetailsServiceAutoConfiguration.class, ReactiveManagementWebSecurityAutoConfiguration.class })
	static class App {

		@Bean
		Features features() {
			return new Features();
		}

	}

	record Confirmation(boolean ok) {
	}

	static class Features {

		@McpTool
		String echo(String text) {
			return "echo " + text;
		}

		@McpTool
		Mono<String> confirm(String item, McpContext context) {
			return context.elicit("Really " + item + "?", Confirmation.class).map((result) -> "confirmed " + item);
		}

		@McpResource(uri = "files://{name}")
		String file(String name) {
			return "contents of " + name;
		}

	}

}
