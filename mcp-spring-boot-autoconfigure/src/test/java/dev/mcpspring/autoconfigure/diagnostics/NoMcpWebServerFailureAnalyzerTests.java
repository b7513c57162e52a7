package dev.mcpspring.autoconfigure.diagnostics;

import dev.mcpspring.annotation.McpTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link NoMcpWebServerFailureAnalyzer}.
 *
 * @author MCP Spring Boot team
 */
@ExtendWith(OutputCaptureExtension.class)
class NoMcpWebServerFailureAnalyzerTests {

	@Test
	void describesTheMissingWebServerAndTheWaysOut() {
		FailureAnalysis analysis = new NoMcpWebServerFailureAnalyzer().analyze(new NoMcpWebServerException("shop"));
		assertThat(analysis.getDescription()).isEqualTo("MCP server 'shop' is to be served over Streamable HTTP "
				+ "(mcp.server.transport.streamable-http.enabled), but the application is not a web application: "
				+ "neither a reactive nor a servlet web server is on the classpath. Standard input and output "
				+ "(mcp.server.transport.stdio.enabled) are off too, so no client could reach the server.");
		assertThat(analysis.getAction())
			.contains("org.springframework.boot:spring-boot-starter-webflux (Spring " + "WebFlux on Netty)")
			.contains("org.springframework.boot:spring-boot-starter-webmvc (Spring MVC on Tomcat")
			.contains("set mcp.server.transport.stdio.enabled=true")
			.contains("set spring.main.web-application-type=none");
	}

	@Test
	void startupWithoutAWebServerFailsWithTheAnalysis(CapturedOutput output) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatExceptionOfType(NoMcpWebServerException.class)
			.isThrownBy(() -> application.run("--mcp.server.name=shop").close());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("MCP server 'shop' is to be served over Streamable HTTP")
			.contains("spring-boot-starter-webmvc");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		@Bean
		EchoTool echoTool() {
			return new EchoTool();
		}

	}

	static class EchoTool {

		@McpTool
		String echo(String text) {
			return "echo " + text;
		}

	}

}
