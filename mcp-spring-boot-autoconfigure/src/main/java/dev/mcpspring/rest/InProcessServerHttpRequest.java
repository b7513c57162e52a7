package dev.mcpspring.rest;

import java.net.InetSocketAddress;
import java.net.URI;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A request handed to the application's {@code HttpHandler} without a network hop, from
 * the loopback address.
 *
 * @author MCP Spring Boot team
 */
final class InProcessServerHttpRequest extends AbstractServerHttpRequest {

	private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

	private final byte[] body;

	InProcessServerHttpRequest(HttpMethod method, URI uri, HttpHeaders headers, byte[] body) {
		super(method, uri, null, headers);
		this.body = body;
	}

	@Override
	protected MultiValueMap<String, HttpCookie> initCookies() {
		return new LinkedMultiValueMap<>();
	}

	@Override
	protected @Nullable SslInfo initSslInfo() {
		return null;
	}

	@Override
	public InetSocketAddress getRemoteAddress() {
		return LOOPBACK;
	}

	@Override
	public InetSocketAddress getLocalAddress() {
		return LOOPBACK;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T getNativeRequest() {
		return (T) this;
	}

	@Override
	public Flux<DataBuffer> getBody() {
		return (this.body.length == 0) ? Flux.empty()
				: Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(this.body)));
	}

}
