package dev.mcpspring.autoconfigure;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.server.McpSessionService;
import dev.mcpspring.transport.support.InMemoryMcpEventStore;
import dev.mcpspring.transport.support.McpEventStore;
import dev.mcpspring.transport.support.OriginValidator;
import dev.mcpspring.transport.support.StreamWriteLimits;
import dev.mcpspring.transport.webflux.McpSessionStreamsLifecycle;
import dev.mcpspring.transport.webflux.McpSseHandler;
import dev.mcpspring.transport.webflux.McpStreamableHttpHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The MCP HTTP transports both web stacks serve: the handlers, the event store and the
 * routes. WebFlux serves the routes itself; on a servlet container
 * {@link McpWebMvcAutoConfiguration} adapts them, so both stacks share one engine and one
 * implementation of the protocol.
 *
 * @author MCP Spring Boot team
 */
@Configuration(proxyBeanMethods = false)
class McpHttpTransportConfiguration {

	@Bean
	@ConditionalOnMissingBean
	McpEventStore mcpEventStore(McpServerProperties properties) {
		McpTransportProperties.StreamableHttp streamableHttp = properties.getTransport().getStreamableHttp();
		return new InMemoryMcpEventStore(streamableHttp.getReplayEvents(), streamableHttp.getReplayRetention(),
				streamableHttp.getReplayStreams(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	StreamWriteLimits mcpStreamWriteLimits(McpServerProperties properties) {
		return new StreamWriteLimits(properties.getLimits().getMaxPendingStreamEvents(),
				properties.getLimits().getStreamWriteTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	McpStreamableHttpHandler mcpStreamableHttpHandler(McpSessionService sessionService, JsonRpcCodec codec,
			McpServerProperties properties, McpEventStore eventStore, StreamWriteLimits streamWriteLimits,
			Environment environment) {
		McpTransportProperties transport = properties.getTransport();
		McpStreamableHttpHandler handler = new McpStreamableHttpHandler(sessionService, codec,
				originValidator(transport, environment), (int) properties.getLimits().getMaxRequestSize().toBytes(),
				transport.getStreamableHttp().getResponseMode(), transport.getStreamableHttp().getKeepAliveInterval(),
				eventStore);
		handler.setStreamWriteLimits(streamWriteLimits);
		handler.setExposeSensitiveHeaders(properties.getTools().getHeaders().isExposeSensitive());
		return handler;
	}

	@Bean
	@ConditionalOnMissingBean
	McpSessionStreamsLifecycle mcpSessionStreamsLifecycle(McpSessionService sessionService,
			ObjectProvider<McpSseHandler> sseHandler) {
		return new McpSessionStreamsLifecycle(sessionService, sseHandler.getIfAvailable());
	}

	/**
	 * The Host and Origin checks of the HTTP transports. The Host check applies when
	 * allowed hosts are configured or when the server listens on a loopback address only:
	 * that is where DNS rebinding reaches it. A server bound to every interface is
	 * reached through a Service, an Ingress or a balancer under names of their own, so it
	 * accepts any Host unless told otherwise. The Origin check always applies.
	 */
	static OriginValidator originValidator(McpTransportProperties transport, Environment environment) {
		boolean checkHost = !transport.getAllowedHosts().isEmpty()
				|| isLoopbackAddress(environment.getProperty("server.address"));
		return new OriginValidator(transport.getAllowedHosts(), transport.getAllowedOrigins(), checkHost);
	}

	private static boolean isLoopbackAddress(@Nullable String address) {
		if (!StringUtils.hasText(address)) {
			return false;
		}
		try {
			return InetAddress.getByName(address.trim()).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			// the server will not start on it either; keep the safe side
			return true;
		}
	}

	@Bean
	RouterFunction<ServerResponse> mcpRouterFunction(McpStreamableHttpHandler handler, McpServerProperties properties) {
		String path = properties.getTransport().getStreamableHttp().getPath();
		return RouterFunctions.route()
			.POST(path, handler::handlePost)
			.GET(path, handler::handleGet)
			.DELETE(path, handler::handleDelete)
			.route(RequestPredicates.path(path), handler::handleOther)
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("mcp.server.transport.sse.enabled")
	static class SseTransportConfiguration {

		@Bean
		@ConditionalOnMissingBean
		McpSseHandler mcpSseHandler(McpSessionService sessionService, JsonRpcCodec codec,
				McpServerProperties properties, StreamWriteLimits streamWriteLimits, Environment environment) {
			McpTransportProperties transport = properties.getTransport();
			McpSseHandler handler = new McpSseHandler(sessionService, codec, originValidator(transport, environment),
					(int) properties.getLimits().getMaxRequestSize().toBytes(),
					transport.getStreamableHttp().getKeepAliveInterval(), transport.getSse().getMessagePath());
			handler.setStreamWriteLimits(streamWriteLimits);
			handler.setExposeSensitiveHeaders(properties.getTools().getHeaders().isExposeSensitive());
			return handler;
		}

		@Bean
		RouterFunction<ServerResponse> mcpSseRouterFunction(McpSseHandler handler, McpServerProperties properties) {
			McpTransportProperties.Sse sse = properties.getTransport().getSse();
			return RouterFunctions.route()
				.GET(sse.getPath(), handler::handleConnect)
				.POST(sse.getMessagePath(), handler::handleMessage)
				.build();
		}

	}

}
