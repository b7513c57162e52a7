package dev.mcpspring.autoconfigure;

import reactor.netty.ReactorNetty;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.ReactorNettyProperties;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.util.Assert;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the Reactor Netty event loops of
 * the web server that serves MCP: one per available processor. Reactor Netty alone starts
 * at least four, which on a one- or two-CPU pod take turns on the same cores, so a
 * request waits for its loop's turn; in the load test on one core, four loops had a p99
 * of 15.8 ms at 64 connections and one loop 3.4 ms, at the same throughput.
 * <p>
 * Only the server runs on these loops: the application's {@link ReactorResourceFactory}
 * bean, and with it every {@code WebClient} built by Boot, keeps Reactor Netty's
 * defaults. An application that declares its own {@link ReactorResourceFactory} bean
 * keeps it for the server too.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(before = NettyReactiveWebServerAutoConfiguration.class)
@ConditionalOnClass({ HttpServer.class, ReactorResourceFactory.class, NettyReactiveWebServerAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBooleanProperty(name = "mcp.server.enabled", matchIfMissing = true)
@ConditionalOnMissingBean(ReactorResourceFactory.class)
@EnableConfigurationProperties({ McpServerProperties.class, ReactorNettyProperties.class })
public final class McpEventLoopAutoConfiguration {

	/**
	 * Prefix of the names of the server's event-loop threads, such as
	 * {@code mcp-http-epoll-1}.
	 */
	static final String THREAD_PREFIX = "mcp-http";

	/**
	 * The server's own resources. Not a default candidate, so that Boot still creates the
	 * application's {@link ReactorResourceFactory} for clients and nothing injects this
	 * one by type.
	 */
	@Bean(defaultCandidate = false)
	ReactorResourceFactory mcpServerResourceFactory(McpServerProperties properties,
			ReactorNettyProperties reactorNettyProperties) {
		int threads = eventLoopThreads(properties.getTransport());
		Assert.isTrue(threads > 0,
				() -> "System property " + ReactorNetty.IO_WORKER_COUNT + " must be positive, was " + threads);
		ReactorResourceFactory factory = new ReactorResourceFactory();
		factory.setUseGlobalResources(false);
		factory.setLoopResourcesSupplier(() -> LoopResources.create(THREAD_PREFIX, threads, true));
		if (reactorNettyProperties.getShutdownQuietPeriod() != null) {
			factory.setShutdownQuietPeriod(reactorNettyProperties.getShutdownQuietPeriod());
		}
		return factory;
	}

	@Bean
	WebServerFactoryCustomizer<NettyReactiveWebServerFactory> mcpServerEventLoopsCustomizer(
			@Qualifier("mcpServerResourceFactory") ReactorResourceFactory mcpServerResourceFactory) {
		return (factory) -> factory.setResourceFactory(mcpServerResourceFactory);
	}

	/**
	 * The number of event loops: the property, else Reactor Netty's own system property
	 * when set, else one per available processor.
	 */
	static int eventLoopThreads(McpTransportProperties transport) {
		Integer configured = transport.getEventLoopThreads();
		if (configured != null) {
			return configured;
		}
		return Integer.getInteger(ReactorNetty.IO_WORKER_COUNT, Runtime.getRuntime().availableProcessors());
	}

}
