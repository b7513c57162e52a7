package dev.mcpspring.method.support;

import java.util.List;
import java.util.Map;

import dev.mcpspring.annotation.McpComplete;
import dev.mcpspring.annotation.McpMount;
import dev.mcpspring.annotation.McpPrompt;
import dev.mcpspring.annotation.McpResource;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.test.EchoServerApplication;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two groups of features that declare the same names, mounted under prefixes in one
 * server on real Netty and driven by the official MCP Java SDK client.
 */
class McpMountIntegrationTests {

	@Test
	void servesEachGroupUnderItsPrefix() {
		try (ConfigurableApplicationContext context = start(); McpSyncClient client = connect(context)) {
			assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
				.containsExactlyInAnyOrder("echo", "weather_forecast", "tides_forecast");
			assertThat(
					text(client.callTool(new McpSchema.CallToolRequest("weather_forecast", Map.of("city", "Brest")))))
				.isEqualTo("Sunny in Brest");
			assertThat(text(client.callTool(new McpSchema.CallToolRequest("tides_forecast", Map.of("city", "Brest")))))
				.isEqualTo("High tide in Brest at noon");
			assertThat(client.listResourceTemplates().resourceTemplates())
				.extracting(McpSchema.ResourceTemplate::uriTemplate, McpSchema.ResourceTemplate::name)
				.containsExactlyInAnyOrder(
						org.assertj.core.groups.Tuple.tuple("weather+forecast://{city}", "weather_byCity"),
						org.assertj.core.groups.Tuple.tuple("tides+forecast://{city}", "tides_byCity"));
			McpSchema.ReadResourceResult read = client
				.readResource(new McpSchema.ReadResourceRequest("tides+forecast://Brest"));
			assertThat(((McpSchema.TextResourceContents) read.contents().get(0)).text())
				.isEqualTo("High tide in Brest at noon");
			McpSchema.GetPromptResult prompt = client
				.getPrompt(new McpSchema.GetPromptRequest("weather_summary", Map.of("city", "Brest")));
			assertThat(((McpSchema.TextContent) prompt.messages().get(0).content()).text())
				.isEqualTo("Summarize the weather in Brest");
			McpSchema.CompleteResult completion = client
				.completeCompletion(new McpSchema.CompleteRequest(new McpSchema.PromptReference("weather_summary"),
						new McpSchema.CompleteRequest.CompleteArgument("city", "Br")));
			assertThat(completion.completion().values()).containsExactly("Brest");
		}
	}

	@Test
	void thePrefixIsATagThatSwitchesAGroupOff() {
		try (ConfigurableApplicationContext context = start("mcp.server.tags.exclude=tides");
				McpSyncClient client = connect(context)) {
			assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
				.containsExactlyInAnyOrder("echo", "weather_forecast");
			assertThat(client.listResourceTemplates().resourceTemplates())
				.extracting(McpSchema.ResourceTemplate::uriTemplate)
				.containsExactly("weather+forecast://{city}");
		}
	}

	@Test
	void aPrefixThatIsNotATokenIsRefused() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> FeatureMount.of(BadPrefix.class))
			.withMessage("@McpMount prefix 'a b' must hold only letters, digits, '_' and '-'");
	}

	@McpMount("a b")
	static class BadPrefix {

	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(MountedApplication.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "spring.main.banner-mode=off")
			.properties(properties)
			.run();
	}

	private static McpSyncClient connect(ConfigurableApplicationContext context) {
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		McpSyncClient client = McpClient
			.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port).build())
			.build();
		client.initialize();
		return client;
	}

	private static String text(McpSchema.CallToolResult result) {
		return ((McpSchema.TextContent) result.content().get(0)).text();
	}

	@Configuration(proxyBeanMethods = false)
	@Import(EchoServerApplication.class)
	static class MountedApplication {

		@Bean
		WeatherFeatures weatherFeatures() {
			return new WeatherFeatures();
		}

		@Bean
		TideFeatures tideFeatures() {
			return new TideFeatures();
		}

	}

	@McpMount("weather")
	static class WeatherFeatures {

		@McpTool
		String forecast(String city) {
			return "Sunny in " + city;
		}

		@McpResource(uri = "forecast://{city}", name = "byCity")
		String byCity(String city) {
			return forecast(city);
		}

		@McpPrompt
		String summary(String city) {
			return "Summarize the weather in " + city;
		}

		@McpComplete(prompt = "summary")
		List<String> cities(String argument, String value) {
			return List.of("Brest", "Paris").stream().filter((city) -> city.startsWith(value)).toList();
		}

	}

	@McpMount("tides")
	static class TideFeatures {

		@McpTool
		String forecast(String city) {
			return "High tide in " + city + " at noon";
		}

		@McpResource(uri = "forecast://{city}", name = "byCity")
		String byCity(String city) {
			return forecast(city);
		}

	}

}
