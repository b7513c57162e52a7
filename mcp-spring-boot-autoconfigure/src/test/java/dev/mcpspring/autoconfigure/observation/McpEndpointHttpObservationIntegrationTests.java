package dev.mcpspring.autoconfigure.observation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.mcpspring.annotation.McpTool;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Which observations a request to the MCP endpoint records, on a real server: Boot's
 * {@code http.server.requests} and {@code mcp.server.operation} by default, only the
 * latter with {@code mcp.server.observation.http-server-requests.enabled=false}.
 */
class McpEndpointHttpObservationIntegrationTests {

	private ConfigurableApplicationContext context;

	private WebTestClient client;

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void mcpRequestIsObservedByBootAndByTheServerByDefault() {
		start();
		initialize();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(httpPaths()).containsExactly("/mcp"));
		assertThat(mcpOperations()).singleElement()
			.satisfies((context) -> assertThat(context.getParentObservation()).isNotNull());
	}

	// issue 13: an MCP request cost two observations, two timers
	@Test
	void mcpRequestIsObservedOnlyByTheServerWhenHttpServerRequestsAreOff() {
		start("--mcp.server.observation.http-server-requests.enabled=false");
		initialize();
		this.client.get().uri("/elsewhere").exchange().expectStatus().isNotFound();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(httpPaths()).contains("/elsewhere"));
		assertThat(httpPaths()).containsExactly("/elsewhere");
		assertThat(mcpOperations()).singleElement().satisfies((context) -> {
			assertThat(context.getLowCardinalityKeyValue("mcp.method.name").getValue()).isEqualTo("initialize");
			assertThat(context.getParentObservation()).isNull();
		});
	}

	private void start(String... args) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.REACTIVE);
		String[] all = new String[args.length + 2];
		all[0] = "--server.port=0";
		all[1] = "--server.address=127.0.0.1";
		System.arraycopy(args, 0, all, 2, args.length);
		this.context = application.run(all);
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
	}

	private void initialize() {
		this.client.post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM)
			.bodyValue("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
					+ "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")
			.exchange()
			.expectStatus()
			.isOk();
	}

	private List<Observation.Context> stopped() {
		return this.context.getBean(RecordingHandler.class).stopped;
	}

	private List<Observation.Context> mcpOperations() {
		return stopped().stream().filter((context) -> "mcp.server.operation".equals(context.getName())).toList();
	}

	private List<String> httpPaths() {
		return stopped().stream()
			.filter(ServerRequestObservationContext.class::isInstance)
			.map((context) -> ((ServerRequestObservationContext) context).getCarrier().getPath().value())
			.toList();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration(exclude = { ReactiveWebSecurityAutoConfiguration.class,
			ReactiveUserDetailsServiceAutoConfiguration.class, ReactiveManagementWebSecurityAutoConfiguration.class })
	@Import(Tools.class)
	static class App {

		@Bean
		RecordingHandler recordingHandler() {
			return new RecordingHandler();
		}

	}

	static class RecordingHandler implements ObservationHandler<Observation.Context> {

		final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

		@Override
		public void onStop(Observation.Context context) {
			this.stopped.add(context);
		}

	}

	static class Tools {

		@McpTool(description = "Echo")
		String echo(String text) {
			return text;
		}

	}

}
