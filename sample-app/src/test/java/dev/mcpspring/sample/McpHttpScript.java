package dev.mcpspring.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Raw JSON-RPC over Streamable HTTP, for tests that only need traffic, not a client.
 */
final class McpHttpScript {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final AtomicInteger ids = new AtomicInteger();

	private final String baseUrl;

	private String sessionId;

	McpHttpScript(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	HttpResponse<String> initialize() throws IOException, InterruptedException {
		HttpResponse<String> response = request("initialize",
				"""
						{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"scrape-test","version":"1"}}""");
		this.sessionId = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
		post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
		return response;
	}

	HttpResponse<String> request(String method, String params) throws IOException, InterruptedException {
		return post("{\"jsonrpc\":\"2.0\",\"id\":" + this.ids.incrementAndGet() + ",\"method\":\"" + method
				+ "\",\"params\":" + params + "}");
	}

	HttpResponse<String> toolsCall(String name, String arguments) throws IOException, InterruptedException {
		return request("tools/call", "{\"name\":\"" + name + "\",\"arguments\":" + arguments + "}");
	}

	private HttpResponse<String> post(String body) throws IOException, InterruptedException {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + "/mcp"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (this.sessionId != null) {
			builder.header("Mcp-Session-Id", this.sessionId).header("MCP-Protocol-Version", "2025-11-25");
		}
		return this.client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", accept)
			.GET()
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
