package dev.mcpspring.autoconfigure;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import dev.mcpspring.autoconfigure.diagnostics.InvalidMcpPropertyException;
import io.netty.util.concurrent.MultithreadEventExecutorGroup;
import org.junit.jupiter.api.Test;
import reactor.netty.ReactorNetty;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.server.reactive.context.AnnotationConfigReactiveWebServerApplicationContext;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpEventLoopAutoConfiguration}.
 *
 * @author MCP Spring Boot team
 */
class McpEventLoopAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpEventLoopAutoConfiguration.class));

	@Test
	void oneEventLoopPerProcessorByDefault() {
		this.contextRunner.run((context) -> {
			ReactorResourceFactory factory = serverResourceFactory(context);
			assertThat(factory.isUseGlobalResources()).isFalse();
			assertThat(eventLoops(factory)).isEqualTo(Runtime.getRuntime().availableProcessors());
		});
	}

	@Test
	void configuredNumberOfEventLoops() {
		this.contextRunner.withPropertyValues("mcp.server.transport.event-loop-threads=3")
			.run((context) -> assertThat(eventLoops(serverResourceFactory(context))).isEqualTo(3));
	}

	// issue 17: the server's loops replaced the application's ReactorResourceFactory
	@Test
	void applicationResourceFactoryKeepsReactorNettyDefaults() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(NettyReactiveWebServerAutoConfiguration.class))
			.withPropertyValues("mcp.server.transport.event-loop-threads=3")
			.run((context) -> {
				assertThat(context).getBeans(ReactorResourceFactory.class).hasSize(2);
				ReactorResourceFactory application = context.getBean(ReactorResourceFactory.class);
				assertThat(application).isNotSameAs(serverResourceFactory(context));
				assertThat(application.isUseGlobalResources()).isTrue();
			});
	}

	@Test
	void nonPositiveNumberOfEventLoopsFailsAtStartup() {
		this.contextRunner.withPropertyValues("mcp.server.transport.event-loop-threads=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidMcpPropertyException.class)
				.hasMessage("Invalid configuration property 'mcp.server.transport.event-loop-threads' = '0': "
						+ "must be positive"));
	}

	@Test
	void reactorNettySystemPropertyIsTheDefaultWhenSet() {
		McpTransportProperties transport = new McpTransportProperties();
		String previous = System.setProperty(ReactorNetty.IO_WORKER_COUNT, "5");
		try {
			assertThat(McpEventLoopAutoConfiguration.eventLoopThreads(transport)).isEqualTo(5);
			transport.setEventLoopThreads(2);
			assertThat(McpEventLoopAutoConfiguration.eventLoopThreads(transport)).isEqualTo(2);
		}
		finally {
			if (previous != null) {
				System.setProperty(ReactorNetty.IO_WORKER_COUNT, previous);
			}
			else {
				System.clearProperty(ReactorNetty.IO_WORKER_COUNT);
			}
		}
	}

	@Test
	void applicationResourceFactoryIsKeptForTheServerToo() {
		this.contextRunner.withUserConfiguration(ApplicationResources.class).run((context) -> {
			assertThat(context).hasSingleBean(ReactorResourceFactory.class);
			assertThat(context.getBean(ReactorResourceFactory.class))
				.isSameAs(context.getBean(ApplicationResources.class).factory);
			assertThat(context).doesNotHaveBean("mcpServerEventLoopsCustomizer");
		});
	}

	@Test
	void notWhenTheMcpServerIsDisabled() {
		this.contextRunner.withPropertyValues("mcp.server.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ReactorResourceFactory.class)
				.doesNotHaveBean("mcpServerEventLoopsCustomizer"));
	}

	@Test
	void webServerRunsOnTheConfiguredEventLoops() {
		serverContextRunner().withPropertyValues("mcp.server.transport.event-loop-threads=2").run((context) -> {
			int port = ((ReactiveWebServerApplicationContext) context.getSourceApplicationContext()).getWebServer()
				.getPort();
			// a new connection per request: connections are spread over the loops in turn
			HttpClient client = HttpClient.create(ConnectionProvider.newConnection());
			Set<String> threads = new HashSet<>();
			for (int i = 0; i < 8; i++) {
				threads.add(client.get()
					.uri("http://127.0.0.1:" + port + "/thread")
					.responseContent()
					.aggregate()
					.asString()
					.block());
			}
			assertThat(threads).hasSize(2).allSatisfy((name) -> assertThat(name).startsWith("mcp-http-"));
		});
	}

	// issue 17: a WebClient of the application ran on the server's loops, one per CPU
	@Test
	void webClientOfTheApplicationKeepsReactorNettyEventLoops() {
		serverContextRunner().withPropertyValues("mcp.server.transport.event-loop-threads=1").run((context) -> {
			int port = ((ReactiveWebServerApplicationContext) context.getSourceApplicationContext()).getWebServer()
				.getPort();
			// the connector Boot's WebClient.Builder gets: from the application's
			// resource factory
			ReactorResourceFactory resources = context.getBean(ReactorResourceFactory.class);
			WebClient webClient = WebClient.builder()
				.clientConnector(new ReactorClientHttpConnector(resources, (client) -> client))
				.build();
			AtomicReference<String> clientThread = new AtomicReference<>();
			String serverThread = webClient.get()
				.uri("http://127.0.0.1:" + port + "/thread")
				.exchangeToMono((response) -> {
					clientThread.set(Thread.currentThread().getName());
					return response.bodyToMono(String.class);
				})
				.block(Duration.ofSeconds(10));
			assertThat(serverThread).startsWith("mcp-http-");
			assertThat(clientThread.get()).startsWith("reactor-http-");
			assertThat(eventLoops(resources)).isEqualTo(Math.max(4, Runtime.getRuntime().availableProcessors()));
		});
	}

	private static ReactiveWebApplicationContextRunner serverContextRunner() {
		return new ReactiveWebApplicationContextRunner(AnnotationConfigReactiveWebServerApplicationContext::new)
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
					WebFluxAutoConfiguration.class, NettyReactiveWebServerAutoConfiguration.class,
					McpEventLoopAutoConfiguration.class))
			.withUserConfiguration(ThreadNameRoute.class)
			.withPropertyValues("server.port=0", "server.address=127.0.0.1");
	}

	private static ReactorResourceFactory serverResourceFactory(ApplicationContext context) {
		return context.getBean("mcpServerResourceFactory", ReactorResourceFactory.class);
	}

	private static int eventLoops(ReactorResourceFactory factory) {
		return ((MultithreadEventExecutorGroup) factory.getLoopResources().onServer(true)).executorCount();
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationResources {

		final ReactorResourceFactory factory = new ReactorResourceFactory();

		@Bean
		ReactorResourceFactory applicationResourceFactory() {
			return this.factory;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ThreadNameRoute {

		@Bean
		RouterFunction<ServerResponse> threadNameRoute() {
			return RouterFunctions.route()
				.GET("/thread", (request) -> ServerResponse.ok().bodyValue(Thread.currentThread().getName()))
				.build();
		}

	}

}
