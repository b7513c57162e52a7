package dev.mcpspring.transport.webflux;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.netty.NettyPipeline;

/**
 * The deadline for the headers of the requests on one HTTP/1.1 connection. It runs from
 * the opening of the connection until the headers of its first request are read, and
 * from the first byte of each further request until its headers are read; when it
 * passes, the connection closes. A connection idle between requests has no deadline, so
 * that load balancers may keep it for their next request. One handler ahead of the HTTP
 * codec sees bytes arrive, one behind it sees requests decoded; both run on the
 * connection's event loop.
 *
 * @author MCP Spring Boot team
 */
final class RequestHeaderDeadline {

	private static final Log logger = LogFactory.getLog(RequestHeaderDeadline.class);

	static final String BYTES_HANDLER = "mcp.requestHeaderDeadline.bytes";

	static final String REQUESTS_HANDLER = "mcp.requestHeaderDeadline.requests";

	private final long timeoutMillis;

	private @Nullable ScheduledFuture<?> timer;

	private boolean betweenRequests;

	private RequestHeaderDeadline(Duration timeout) {
		this.timeoutMillis = Math.max(timeout.toMillis(), 1);
	}

	/**
	 * Add the deadline to the pipeline of a new HTTP/1.1 connection; other protocols,
	 * such as HTTP/2, are left alone.
	 * @param pipeline the pipeline, with Reactor Netty's handlers in place
	 * @param timeout the longest wait for the headers of a request
	 */
	static void install(ChannelPipeline pipeline, Duration timeout) {
		if (!(pipeline.get(NettyPipeline.HttpCodec) instanceof HttpServerCodec)) {
			return;
		}
		RequestHeaderDeadline deadline = new RequestHeaderDeadline(timeout);
		pipeline.addBefore(NettyPipeline.HttpCodec, BYTES_HANDLER, deadline.new Bytes());
		pipeline.addAfter(NettyPipeline.HttpCodec, REQUESTS_HANDLER, deadline.new Requests());
	}

	private void start(ChannelHandlerContext context) {
		if (this.timer == null) {
			this.timer = context.executor().schedule(() -> expire(context), this.timeoutMillis, TimeUnit.MILLISECONDS);
		}
	}

	private void expire(ChannelHandlerContext context) {
		this.timer = null;
		if (logger.isDebugEnabled()) {
			logger.debug("Closing " + context.channel() + ": no request headers within " + this.timeoutMillis + " ms");
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
	 * Starts the deadline when the connection opens and when the first byte of a
	 * further request arrives.
	 */
	private final class Bytes extends ChannelInboundHandlerAdapter {

		@Override
		public void handlerAdded(ChannelHandlerContext context) {
			start(context);
		}

		@Override
		public void handlerRemoved(ChannelHandlerContext context) {
			cancel();
		}

		@Override
		public void channelRead(ChannelHandlerContext context, Object message) {
			if (RequestHeaderDeadline.this.betweenRequests && message instanceof ByteBuf bytes && bytes.isReadable()) {
				RequestHeaderDeadline.this.betweenRequests = false;
				start(context);
			}
			context.fireChannelRead(message);
		}

	}

	/**
	 * Stops the deadline when the headers of a request are read, and notes the end of
	 * each request. A protocol upgrade, such as to WebSocket, ends HTTP on the
	 * connection and removes both handlers.
	 */
	private final class Requests extends ChannelInboundHandlerAdapter {

		@Override
		public void channelRead(ChannelHandlerContext context, Object message) {
			if (message instanceof HttpRequest request) {
				cancel();
				if (request.headers().contains(HttpHeaderNames.UPGRADE)) {
					context.pipeline().remove(BYTES_HANDLER);
					context.pipeline().remove(this);
				}
			}
			if (message instanceof LastHttpContent) {
				RequestHeaderDeadline.this.betweenRequests = true;
			}
			context.fireChannelRead(message);
		}

	}

}
