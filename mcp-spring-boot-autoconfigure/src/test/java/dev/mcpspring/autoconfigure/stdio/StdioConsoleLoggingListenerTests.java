package dev.mcpspring.autoconfigure.stdio;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StdioConsoleLoggingListener}: a stdio server in a child JVM, whose
 * standard output must carry nothing but protocol messages.
 *
 * @author MCP Spring Boot team
 */
class StdioConsoleLoggingListenerTests {

	private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
			+ "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
			+ "\"clientInfo\":{\"name\":\"test\",\"version\":\"1.0.0\"}}}";

	@Test
	void bootsDefaultLoggingGoesToStandardError(@TempDir Path output) throws Exception {
		StdioRun run = StdioRun.start(output, List.of());
		assertThat(run.stderr()).contains("Started StdioConsoleLoggingListenerTests.StdioServer");
		assertOnlyProtocolOnStandardOutput(run);
	}

	// issue 17: logging.config pointed at the starter's own file, so logback-spring.xml
	// was ignored
	@Test
	void applicationsLogbackConfigurationIsKeptAndWritesToStandardError(@TempDir Path output) throws Exception {
		Path applicationConfiguration = Path.of("target", "test-classes", "stdio-user-logging").toAbsolutePath();
		StdioRun run = StdioRun.start(output, List.of(applicationConfiguration.toString()));
		assertThat(run.stderr()).contains("APPLICATION-CONFIG StdioConsoleLoggingListenerTests$StdioServer Started");
		assertOnlyProtocolOnStandardOutput(run);
	}

	private static void assertOnlyProtocolOnStandardOutput(StdioRun run) {
		List<String> lines = run.stdout().lines().toList();
		assertThat(lines).as("standard output; stderr:%n%s", run.stderr()).hasSize(1);
		JsonNode response = JsonMapper.builder().build().readTree(lines.get(0));
		assertThat(response.at("/result/protocolVersion").asString()).isEqualTo("2025-11-25");
	}

	/**
	 * What the {@link StdioServer} in a child JVM wrote, sent one request and the end of
	 * its input.
	 */
	private record StdioRun(String stdout, String stderr) {

		static StdioRun start(Path output, List<String> classpathBefore) throws IOException, InterruptedException {
			List<String> classpath = new ArrayList<>(classpathBefore);
			classpath.add(System.getProperty("java.class.path"));
			Path stdout = output.resolve("stdout.txt");
			Path stderr = output.resolve("stderr.txt");
			List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
					String.join(File.pathSeparator, classpath), StdioServer.class.getName(),
					"--mcp.server.transport.stdio.enabled=true");
			Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
				.redirectError(stderr.toFile())
				.start();
			process.getOutputStream().write((INITIALIZE + "\n").getBytes(StandardCharsets.UTF_8));
			process.getOutputStream().close();
			boolean exited = process.waitFor(60, TimeUnit.SECONDS);
			if (!exited) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			StdioRun run = new StdioRun(Files.readString(stdout), Files.readString(stderr));
			assertThat(exited).as("exited after the end of its input; stderr:%n%s", run.stderr()).isTrue();
			return run;
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, McpServerAutoConfiguration.class,
			McpStdioAutoConfiguration.class })
	static class StdioServer {

		public static void main(String[] args) {
			SpringApplication.run(StdioServer.class, args);
		}

	}

}
