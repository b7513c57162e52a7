package dev.mcpspring.rest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;

/**
 * A response of the application's {@code HttpHandler} kept in memory, up to a limit.
 *
 * @author MCP Spring Boot team
 */
final class InProcessServerHttpResponse extends AbstractServerHttpResponse {

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	private final int maxBodySize;

	InProcessServerHttpResponse(int maxBodySize) {
		super(DefaultDataBufferFactory.sharedInstance);
		this.maxBodySize = maxBodySize;
	}

	String getBodyAsString() {
		synchronized (this.body) {
			return this.body.toString(StandardCharsets.UTF_8);
		}
	}

	@Override
	protected Mono<Void> writeWithInternal(Publisher<? extends DataBuffer> body) {
		return Flux.from(body).doOnNext(this::append).then();
	}

	@Override
	protected Mono<Void> writeAndFlushWithInternal(Publisher<? extends Publisher<? extends DataBuffer>> body) {
		return Flux.from(body).concatMap(Flux::from).doOnNext(this::append).then();
	}

	private void append(DataBuffer buffer) {
		try {
			synchronized (this.body) {
				int room = this.maxBodySize - this.body.size();
				byte[] bytes = new byte[Math.min(room, buffer.readableByteCount())];
				buffer.read(bytes);
				this.body.writeBytes(bytes);
			}
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	@Override
	protected void applyStatusCode() {
	}

	@Override
	protected void applyHeaders() {
	}

	@Override
	protected void applyCookies() {
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T getNativeResponse() {
		return (T) this;
	}

}
