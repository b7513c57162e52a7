package dev.mcpspring.autoconfigure.proxy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.mcpspring.autoconfigure.diagnostics.InvalidMcpPropertyException;
import dev.mcpspring.autoconfigure.proxy.McpProxyProperties.Transport;
import dev.mcpspring.autoconfigure.proxy.McpProxyProperties.Upstream;
import dev.mcpspring.proxy.UpstreamServer;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Turns the {@code mcp.server.proxy.servers.*} properties into {@link UpstreamServer}s
 * with the official MCP Java SDK client's transports, failing startup on settings that
 * cannot work.
 *
 * @author MCP Spring Boot team
 */
final class UpstreamServers {

	private static final Log logger = LogFactory.getLog(UpstreamServers.class);

	private static final String PREFIX = "mcp.server.proxy.servers.";

	private UpstreamServers() {
	}

	static List<UpstreamServer> from(McpProxyProperties properties, McpJsonMapper jsonMapper) {
		return properties.getServers()
			.entrySet()
			.stream()
			.map((entry) -> upstream(entry.getKey(), entry.getValue(), jsonMapper))
			.toList();
	}

	private static UpstreamServer upstream(String name, Upstream upstream, McpJsonMapper jsonMapper) {
		String property = PREFIX + name;
		if (!name.matches("[A-Za-z0-9_-]+")) {
			throw new InvalidMcpPropertyException(property, null,
					"the name must hold only letters, digits, '_' and '-'", "Rename the server.");
		}
		if (upstream.getRequestTimeout().isNegative() || upstream.getRequestTimeout().isZero()) {
			throw new InvalidMcpPropertyException(property + ".request-timeout", upstream.getRequestTimeout(),
					"must be positive", "Set a positive duration such as 30s.");
		}
		String prefix = (upstream.getPrefix() != null) ? upstream.getPrefix() : name;
		return new UpstreamServer(name, prefix, transports(property, upstream, jsonMapper),
				upstream.getRequestTimeout());
	}

	private static Supplier<McpClientTransport> transports(String property, Upstream upstream,
			McpJsonMapper jsonMapper) {
		if ((upstream.getUrl() == null) == (upstream.getCommand() == null)) {
			throw new InvalidMcpPropertyException(property, null, "needs either a url or a command",
					"Set " + property + ".url for an HTTP server or " + property + ".command for a stdio server.");
		}
		Transport transport = (upstream.getTransport() != null) ? upstream.getTransport()
				: (upstream.getUrl() != null) ? Transport.STREAMABLE_HTTP : Transport.STDIO;
		if ((transport == Transport.STDIO) != (upstream.getCommand() != null)) {
			throw new InvalidMcpPropertyException(property + ".transport", transport,
					(transport == Transport.STDIO) ? "needs a command" : "needs a url",
					"Set the transport that matches how the server is reached, or leave it unset.");
		}
		return switch (transport) {
			case STDIO -> stdio(upstream, jsonMapper);
			case STREAMABLE_HTTP -> streamableHttp(property, upstream, jsonMapper);
			case SSE -> sse(property, upstream, jsonMapper);
		};
	}

	private static Supplier<McpClientTransport> stdio(Upstream upstream, McpJsonMapper jsonMapper) {
		ServerParameters parameters = ServerParameters.builder(upstream.getCommand())
			.args(upstream.getArgs())
			.env(upstream.getEnv())
			.build();
		return () -> {
			StdioClientTransport transport = new StdioClientTransport(parameters, jsonMapper);
			transport.setStdErrorHandler((line) -> logger.debug(upstream.getCommand() + ": " + line));
			return transport;
		};
	}

	private static Supplier<McpClientTransport> streamableHttp(String property, Upstream upstream,
			McpJsonMapper jsonMapper) {
		URI url = httpUrl(property, upstream);
		return () -> HttpClientStreamableHttpTransport.builder(origin(url))
			.endpoint(pathAndQuery(url))
			.clientBuilder(HttpClient.newBuilder().connectTimeout(upstream.getConnectTimeout()))
			.requestBuilder(withHeaders(upstream.getHeaders()))
			.jsonMapper(jsonMapper)
			.build();
	}

	private static Supplier<McpClientTransport> sse(String property, Upstream upstream, McpJsonMapper jsonMapper) {
		URI url = httpUrl(property, upstream);
		return () -> HttpClientSseClientTransport.builder(origin(url))
			.sseEndpoint(pathAndQuery(url))
			.clientBuilder(HttpClient.newBuilder().connectTimeout(upstream.getConnectTimeout()))
			.requestBuilder(withHeaders(upstream.getHeaders()))
			.jsonMapper(jsonMapper)
			.build();
	}

	private static URI httpUrl(String property, Upstream upstream) {
		URI url = upstream.getUrl();
		if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
				|| url.getHost() == null) {
			throw new InvalidMcpPropertyException(property + ".url", url, "must be an absolute http or https URL",
					"Set the URL of the server's MCP endpoint, such as https://mcp.example.com/mcp.");
		}
		return url;
	}

	private static String origin(URI url) {
		return url.getScheme() + "://" + url.getRawAuthority();
	}

	private static String pathAndQuery(URI url) {
		String path = (url.getRawPath() == null || url.getRawPath().isEmpty()) ? "/" : url.getRawPath();
		return (url.getRawQuery() != null) ? path + "?" + url.getRawQuery() : path;
	}

	private static HttpRequest.Builder withHeaders(Map<String, String> headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder();
		headers.forEach(builder::header);
		return builder;
	}

}
