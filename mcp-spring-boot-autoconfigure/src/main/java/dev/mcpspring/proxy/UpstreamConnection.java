package dev.mcpspring.proxy;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import io.modelcontextprotocol.client.McpAsyncClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The connection to one upstream server: an initialized client, made on first use and
 * made again after it failed, so that a restarted upstream is reached again without
 * restarting this server.
 *
 * @author MCP Spring Boot team
 */
final class UpstreamConnection implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(UpstreamConnection.class);

	private final String name;

	private final Supplier<McpAsyncClient> clients;

	private final Function<McpAsyncClient, Mono<Void>> onConnected;

	private final AtomicReference<@Nullable Connected> current = new AtomicReference<>();

	/**
	 * Create a connection.
	 * @param name the upstream server's name, for logs
	 * @param clients creates a client that is not initialized yet
	 * @param onConnected what to do once a client is initialized, before it is used
	 */
	UpstreamConnection(String name, Supplier<McpAsyncClient> clients,
			Function<McpAsyncClient, Mono<Void>> onConnected) {
		this.name = name;
		this.clients = clients;
		this.onConnected = onConnected;
	}

	/**
	 * Return the initialized client, connecting if needed.
	 */
	Mono<McpAsyncClient> client() {
		return Mono.defer(() -> {
			Connected connected = this.current.get();
			if (connected == null) {
				McpAsyncClient client = this.clients.get();
				Mono<McpAsyncClient> initialized = client.initialize()
					.then(Mono.defer(() -> this.onConnected.apply(client)))
					.thenReturn(client)
					.cache();
				Connected fresh = new Connected(client, initialized);
				connected = this.current.compareAndSet(null, fresh) ? fresh : this.current.get();
				if (connected != fresh) {
					client.close();
				}
				if (connected == null) {
					return Mono.error(new IllegalStateException("Connection closed"));
				}
			}
			Connected used = connected;
			return used.initialized().onErrorResume((ex) -> {
				reset(used);
				return Mono.error(ex);
			});
		});
	}

	/**
	 * Drop a connection that failed, so that the next call connects again.
	 * @param client the client that failed
	 */
	void reset(McpAsyncClient client) {
		Connected connected = this.current.get();
		if (connected != null && connected.client() == client) {
			reset(connected);
		}
	}

	private void reset(Connected connected) {
		if (this.current.compareAndSet(connected, null)) {
			logger.warn("Connection to upstream MCP server '" + this.name + "' failed; it is made again on next use");
			connected.client().close();
		}
	}

	@Override
	public void close() {
		Connected connected = this.current.getAndSet(null);
		if (connected != null) {
			connected.client().close();
		}
	}

	private record Connected(McpAsyncClient client, Mono<McpAsyncClient> initialized) {

	}

}
