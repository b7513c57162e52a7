package dev.mcpspring.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mcpspring.jsonrpc.JsonRpcMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The standalone streams of live sessions, which carry messages that belong to no
 * request, such as {@code notifications/tools/list_changed}. Each message goes to one
 * stream only: the one a session opened last.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpSessionChannels {

	private static final Log logger = LogFactory.getLog(McpSessionChannels.class);

	private final Map<String, Sinks.Many<JsonRpcMessage>> channels = new ConcurrentHashMap<>();

	private volatile boolean closed;

	/**
	 * Open the stream of a session, replacing any previous one, which completes.
	 * @param sessionId the session id
	 * @return the messages, until the stream is replaced or the session closed
	 */
	public Flux<JsonRpcMessage> open(String sessionId) {
		if (this.closed) {
			return Flux.empty();
		}
		Sinks.Many<JsonRpcMessage> sink = Sinks.many().unicast().onBackpressureBuffer();
		Sinks.Many<JsonRpcMessage> previous = this.channels.put(sessionId, sink);
		if (previous != null) {
			previous.tryEmitComplete();
		}
		return sink.asFlux().doFinally((signal) -> this.channels.remove(sessionId, sink));
	}

	/**
	 * Send a message to a session's stream.
	 * @param sessionId the session id
	 * @param message the message
	 * @return {@code true} if a stream was open to take it
	 */
	public boolean send(String sessionId, JsonRpcMessage message) {
		Sinks.Many<JsonRpcMessage> sink = this.channels.get(sessionId);
		if (sink != null && emit(sink, message)) {
			return true;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("No open stream for session, dropped " + message.getClass().getSimpleName());
		}
		return false;
	}

	/**
	 * Send a message to every open stream.
	 * @param message the message
	 */
	public void sendToAll(JsonRpcMessage message) {
		this.channels.values().forEach((sink) -> emit(sink, message));
	}

	private static boolean emit(Sinks.Many<JsonRpcMessage> sink, JsonRpcMessage message) {
		try {
			sink.emitNext(message, EmitRetry.handler());
			return true;
		}
		catch (Sinks.EmissionException ex) {
			return false;
		}
	}

	/**
	 * Complete the stream of a session that ended.
	 * @param sessionId the session id
	 */
	public void close(String sessionId) {
		Sinks.Many<JsonRpcMessage> sink = this.channels.remove(sessionId);
		if (sink != null) {
			sink.tryEmitComplete();
		}
	}

	/**
	 * Complete every open stream and refuse new ones, for example when the application
	 * shuts down, so that clients see a clean end of stream.
	 */
	public void closeAll() {
		this.closed = true;
		this.channels.keySet().forEach(this::close);
	}

	/**
	 * Accept new streams again after {@link #closeAll()}, when a stopped application
	 * starts again.
	 */
	public void reopen() {
		this.closed = false;
	}

	/**
	 * Return the number of open streams.
	 * @return the count
	 */
	public int getOpenCount() {
		return this.channels.size();
	}

}
