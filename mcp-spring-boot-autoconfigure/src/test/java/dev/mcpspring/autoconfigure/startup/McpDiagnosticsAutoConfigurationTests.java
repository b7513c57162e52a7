package dev.mcpspring.autoconfigure.startup;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;

import dev.mcpspring.annotation.McpPrompt;
import dev.mcpspring.annotation.McpResource;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.autoconfigure.McpWebFluxAutoConfiguration;
import dev.mcpspring.autoconfigure.diagnostics.NoMcpWebServerException;
import dev.mcpspring.autoconfigure.stdio.McpStdioAutoConfiguration;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.server.McpServerHandler;
import dev.mcpspring.server.McpSessionService;
import dev.mcpspring.server.logging.TrafficLoggingInterceptor;
import dev.mcpspring.transport.stdio.StdioMcpTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpDiagnosticsAutoConfiguration}: the line that tells what the server
 * serves once the application is ready, and the warning when nothing serves it.
 *
 * @author MCP Spring Boot team
 */
@ExtendWith(OutputCaptureExtension.class)
class McpDiagnosticsAutoConfigurationTests {

	private static final AutoConfigurations MCP = AutoConfigurations.of(JacksonAutoConfiguration.class,
			McpServerAutoConfiguration.class, McpWebFluxAutoConfiguration.class, McpStdioAutoConfiguration.class,
			McpDiagnosticsAutoConfiguration.class);

	private static final String REVISIONS = "protocol revisions 2026-07-28, 2025-11-25, 2025-06-18, 2025-03-26, "
			+ "2024-11-05";

	private static final String NO_TRANSPORT = "MCP server 'shop' has no transport, so no client can reach it: ";

	private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class, HttpHandlerAutoConfiguration.class))
		.withConfiguration(MCP)
		.withPropertyValues("mcp.server.name=shop", "mcp.server.version=2.1.0");

	@Test
	void reportsTheStreamableHttpEndpointWhenReady(CapturedOutput output) {
		this.reactiveRunner.withBean(ShopFeatures.class).withPropertyValues("local.server.port=8123").run((context) -> {
			assertThat(context).hasSingleBean(McpStartupReport.class);
			assertThat(output).doesNotContain("MCP server 'shop' 2.1.0 ready");
			ready(context);
			assertThat(output)
				.contains("MCP server 'shop' 2.1.0 ready: Streamable HTTP at /mcp on port 8123; " + REVISIONS
						+ "; sessions on; 2 tools, 1 resource, 1 resource template, 1 prompt")
				.doesNotContain("WARN");
		});
	}

	@Test
	void reportsTheLegacySseEndpointsAndSessionsOff(CapturedOutput output) {
		this.reactiveRunner
			.withPropertyValues("mcp.server.transport.sse.enabled=true", "mcp.server.session.enabled=false",
					"mcp.server.transport.streamable-http.path=/api/mcp")
			.run((context) -> {
				ready(context);
				assertThat(output).contains("MCP server 'shop' 2.1.0 ready: Streamable HTTP at /api/mcp, legacy "
						+ "HTTP+SSE at /sse and /mcp/message; " + REVISIONS + "; sessions off; 0 tools, 0 resources, "
						+ "0 resource templates, 0 prompts");
			});
	}

	@Test
	void reportsStdio(CapturedOutput output) {
		new ApplicationContextRunner().withConfiguration(MCP)
			.withPropertyValues("mcp.server.name=shop", "mcp.server.version=2.1.0")
			.withUserConfiguration(StdioConfiguration.class)
			.run((context) -> {
				ready(context);
				assertThat(output).contains("MCP server 'shop' 2.1.0 ready: stdio; " + REVISIONS)
					.doesNotContain(NO_TRANSPORT);
			});
	}

	@Test
	void warnsInAServletWebApplicationWithoutTheMcpServlet(CapturedOutput output) {
		new WebApplicationContextRunner().withConfiguration(MCP)
			.withPropertyValues("mcp.server.name=shop")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(McpServerHandler.class);
				assertThat(output).contains(NO_TRANSPORT + "this is a servlet web application and the MCP servlet is "
						+ "not registered (see the conditions of McpWebMvcAutoConfiguration, with --debug), or set "
						+ "mcp.server.transport.stdio.enabled=true to serve it over standard input and output.");
				ready(context);
				assertThat(output).doesNotContain("ready:");
			});
	}

	@Test
	void failsInANonWebApplicationWithoutStdio() {
		new ApplicationContextRunner().withConfiguration(MCP)
			.withPropertyValues("mcp.server.name=shop")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(findCause(context.getStartupFailure(), NoMcpWebServerException.class)).isNotNull()
					.hasMessage("MCP server 'shop' is to be served over HTTP, but the application is not a web "
							+ "application");
			});
	}

	@Test
	void warnsInAnApplicationToldNotToBeAWebApplication(CapturedOutput output) {
		new ApplicationContextRunner().withConfiguration(MCP)
			.withPropertyValues("mcp.server.name=shop", "spring.main.web-application-type=none")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains(NO_TRANSPORT + "this is not a web application. Add "
						+ "org.springframework.boot:spring-boot-starter-webflux to serve MCP over HTTP, or set "
						+ "mcp.server.transport.stdio.enabled=true to serve it over standard input and output.");
			});
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		return null;
	}

	@Test
	void warnsWhenStreamableHttpIsOff(CapturedOutput output) {
		this.reactiveRunner.withPropertyValues("mcp.server.transport.streamable-http.enabled=false")
			.run((context) -> assertThat(output).contains(NO_TRANSPORT
					+ "mcp.server.transport.streamable-http.enabled is false. Set it to true to serve MCP over HTTP, "
					+ "or set mcp.server.transport.stdio.enabled=true"));
	}

	@Test
	void doesNotWarnWhenATransportServes(CapturedOutput output) {
		this.reactiveRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).doesNotContain("has no transport");
		});
	}

	@Test
	void offWithTheServer() {
		this.reactiveRunner.withPropertyValues("mcp.server.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(McpStartupReport.class));
	}

	@Test
	void trafficLoggingIsOptIn() {
		this.reactiveRunner.run((context) -> assertThat(context).doesNotHaveBean(TrafficLoggingInterceptor.class));
		this.reactiveRunner.withPropertyValues("mcp.server.logging.traffic=true")
			.run((context) -> assertThat(context).hasSingleBean(TrafficLoggingInterceptor.class));
	}

	@Test
	void userTrafficLoggingInterceptorBacksOff() {
		this.reactiveRunner.withPropertyValues("mcp.server.logging.traffic=true")
			.withBean("custom", TrafficLoggingInterceptor.class,
					() -> new TrafficLoggingInterceptor(JsonMapper.builder().build(), List.of("pin"), 100))
			.run((context) -> assertThat(context).getBean(TrafficLoggingInterceptor.class)
				.isSameAs(context.getBean("custom")));
	}

	private static void ready(ApplicationContextAssertProvider<?> context) {
		ConfigurableApplicationContext source = (ConfigurableApplicationContext) context.getSourceApplicationContext();
		source.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], source, Duration.ZERO));
	}

	static class ShopFeatures {

		@McpTool(description = "Search books")
		String search(String query) {
			return query;
		}

		@McpTool(description = "Order a book")
		String order(String isbn) {
			return isbn;
		}

		@McpResource(uri = "shop://catalog", description = "Catalog")
		String catalog() {
			return "catalog";
		}

		@McpResource(uri = "shop://books/{isbn}", description = "A book")
		String book(String isbn) {
			return isbn;
		}

		@McpPrompt(description = "Recommend a book")
		String recommend(String genre) {
			return genre;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StdioConfiguration {

		@Bean
		StdioMcpTransport stdioTransport(McpSessionService sessionService, JsonRpcCodec codec) {
			return new StdioMcpTransport(sessionService, codec, InputStream.nullInputStream(),
					OutputStream.nullOutputStream(), () -> {
					});
		}

	}

}
