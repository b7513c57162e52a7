package dev.mcpspring.transport.webflux;

import java.time.Duration;
import java.util.function.Function;

import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerConfig;

import org.springframework.util.Assert;

/**
 * Deadlines for reading requests on a Reactor Netty {@link HttpServer}, so that clients
 * cannot hold connections by sending requests slowly ("slowloris"). The headers of a
 * request must arrive within one deadline: from the opening of the connection for its
 * first request, from the first byte for each further one; Reactor Netty's own timeouts
 * start only once the headers are read. The body must arrive within another deadline,
 * Reactor Netty's {@link HttpServer#requestTimeout(Duration) request timeout}, unless the
 * server already has a request or read timeout. Responses are not limited, so SSE streams
 * stay open, and neither are connections idle between requests. The header deadline
 * applies to HTTP/1.1 connections.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class RequestReadTimeouts implements Function<HttpServer, HttpServer> {

	private final Duration headerTimeout;

	private final Duration bodyTimeout;

	/**
	 * Create the deadlines.
	 * @param headerTimeout the longest wait for the headers of a request; zero for none
	 * @param bodyTimeout the longest time to read the body of a request once its headers
	 * are read; zero for none
	 */
	public RequestReadTimeouts(Duration headerTimeout, Duration bodyTimeout) {
		Assert.isTrue(!headerTimeout.isNegative(), "headerTimeout must not be negative");
		Assert.isTrue(!bodyTimeout.isNegative(), "bodyTimeout must not be negative");
		this.headerTimeout = headerTimeout;
		this.bodyTimeout = bodyTimeout;
	}

	/**
	 * Add the deadlines to a server.
	 * @param server the server
	 * @return the server with the deadlines
	 */
	@Override
	public HttpServer apply(HttpServer server) {
		HttpServer configured = server;
		if (!this.headerTimeout.isZero()) {
			configured = configured.doOnChannelInit((observer, channel, remoteAddress) -> RequestHeaderDeadline
				.install(channel.pipeline(), this.headerTimeout));
		}
		HttpServerConfig config = configured.configuration();
		if (!this.bodyTimeout.isZero() && config.requestTimeout() == null && config.readTimeout() == null) {
			configured = configured.requestTimeout(this.bodyTimeout);
		}
		return configured;
	}

}
