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
 * first request, from its first byte for each further one. The body must arrive within
 * another deadline once the headers are read. When one passes, the connection closes.
 * Responses are not limited, so SSE streams stay open, and neither are connections idle
 * between requests or upgraded to WebSocket. The deadlines apply to HTTP/1.1 connections.
 * A server that already has Reactor Netty's request or read timeout keeps it instead of
 * the body deadline. Reactor Netty's own timeouts are not used: they start only once the
 * headers are read, and its request timeout also closes WebSocket connections.
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
		HttpServerConfig config = server.configuration();
		Duration body = (config.requestTimeout() == null && config.readTimeout() == null) ? this.bodyTimeout
				: Duration.ZERO;
		if (this.headerTimeout.isZero() && body.isZero()) {
			return server;
		}
		return server.doOnChannelInit((observer, channel, remoteAddress) -> RequestReadDeadline
			.install(channel.pipeline(), this.headerTimeout, body));
	}

}
