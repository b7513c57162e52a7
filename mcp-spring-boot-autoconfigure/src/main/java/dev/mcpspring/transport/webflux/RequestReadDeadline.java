package dev.mcpspring.transport.webflux;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.netty.NettyPipeline;

/**
 * The deadlines for reading the requests on one HTTP/1.1 connection. The header deadline
 * runs from the opening of the connection until the headers of its first request are
 * read, and from the first byte of each further request until its headers are read; the
 * body deadline runs from the end of the headers until the end of the body. When one
 * passes, the connection closes. A connection idle between requests has no deadline, so
 * that load balancers may keep it for their next request, and neither has a connection
 * that no longer speaks HTTP (upgraded to WebSocket). One handler ahead of the HTTP codec
 * sees bytes arrive, one behind it sees requests decoded; both run on the connection's
 * event loop.
 *
 * @author MCP Spring Boot team
 */
final class RequestReadDeadline {

	private static final Log logger = LogFactory.getLog(RequestReadDeadline.class);

	static final String BYTES_HANDLER = "mcp.requestReadDeadline.bytes";

	static final String REQUESTS_HANDLER = "mcp.requestReadDeadline.requests";

	private final long headerTimeoutMillis;

	private final long bodyTimeoutMillis;

	private @Nullable ScheduledFuture<?> timer;

	private boolean betweenRequests;

	private RequestReadDeadline(Duration headerTimeout, Duration bodyTimeout) {
		this.headerTimeoutMillis = millis(headerTimeout);
		this.bodyTimeoutMillis = millis(bodyTimeout);
	}

	private static long millis(Duration timeout) {
		return timeout.isZero() ? 0 : Math.max(timeout.toMillis(), 1);
	}

	/**
	 * Add the deadlines to the pipeline of a new HTTP/1.1 connection; other protocols,
	 * such as HTTP/2, are left alone.
	 * @param pipeline the pipeline, with Reactor Netty's handlers in place
	 * @param headerTimeout the longest wait for the headers of a request; zero for none
	 * @param bodyTimeout the longest time to read a body once the headers are read; zero
	 * for none
	 */
	static void install(ChannelPipeline pipeline, Duration headerTimeout, Duration bodyTimeout) {
		if (!(pipeline.get(NettyPipeline.HttpCodec) instanceof HttpServerCodec)) {
			return;
		}
		RequestReadDeadline deadline = new RequestReadDeadline(headerTimeout, bodyTimeout);
		pipeline.addBefore(NettyPipeline.HttpCodec, BYTES_HANDLER, deadline.new Bytes());
		pipeline.addAfter(NettyPipeline.HttpCodec, REQUESTS_HANDLER, deadline.new Requests());
	}

	private void start(ChannelHandlerContext context, long timeoutMillis, String part) {
		cancel();
		if (timeoutMillis > 0) {
			this.timer = context.executor()
				.schedule(() -> expire(context, timeoutMillis, part), timeoutMillis, TimeUnit.MILLISECONDS);
		}
	}

	private void expire(ChannelHandlerContext context, long timeoutMillis, String part) {
		this.timer = null;
		if (logger.isDebugEnabled()) {
			logger.debug(
					"Closing " + context.channel() + ": request " + part + " not read within " + timeoutMillis + " ms");
		}
		context.channel().close();
	}

	private void cancel() {
		if (this.timer != null) {
			this.timer.cancel(false);
			this.timer = null;
		}
	}

	/**
	 * Starts the header deadline when the connection opens and when the first byte of a
	 * further request arrives; once the HTTP codec is gone, removes both handlers.
	 */
	private final class Bytes extends ChannelInboundHandlerAdapter {

		@Override
		public void handlerAdded(ChannelHandlerContext context) {
			start(context, RequestReadDeadline.this.headerTimeoutMillis, "headers");
		}

		@Override
		public void handlerRemoved(ChannelHandlerContext context) {
			cancel();
		}

		@Override
		public void channelRead(ChannelHandlerContext context, Object message) {
			if (RequestReadDeadline.this.betweenRequests && message instanceof ByteBuf bytes && bytes.isReadable()) {
				if (context.pipeline().get(HttpServerCodec.class) != null) {
					RequestReadDeadline.this.betweenRequests = false;
					start(context, RequestReadDeadline.this.headerTimeoutMillis, "headers");
				}
				else {
					context.pipeline().remove(REQUESTS_HANDLER);
					context.pipeline().remove(this);
				}
			}
			context.fireChannelRead(message);
		}

	}

	/**
	 * Moves from the header deadline to the body deadline when the headers of a request
	 * are read, and stops the body deadline at the end of the request.
	 */
	private final class Requests extends ChannelInboundHandlerAdapter {

		@Override
		public void channelRead(ChannelHandlerContext context, Object message) {
			if (message instanceof HttpRequest) {
				start(context, RequestReadDeadline.this.bodyTimeoutMillis, "body");
			}
			if (message instanceof LastHttpContent) {
				cancel();
				RequestReadDeadline.this.betweenRequests = true;
			}
			context.fireChannelRead(message);
		}

	}

}
