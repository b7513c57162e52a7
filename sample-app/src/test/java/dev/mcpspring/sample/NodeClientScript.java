package dev.mcpspring.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

import static dev.mcpspring.sample.BookshopExpectations.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs one of the Node scripts in {@code src/test/node} that drive the server with an
 * official TypeScript SDK client, and reads the JSON report it prints.
 */
final class NodeClientScript {

	static final Path DIRECTORY = Path.of("src", "test", "node");

	private NodeClientScript() {
	}

	/**
	 * Runs {@code script} with {@code arguments}, waits at most {@code timeout} and
	 * returns the report it printed on stdout.
	 */
	static JsonNode run(String script, Path output, Duration timeout, String... arguments)
			throws IOException, InterruptedException {
		for (String sdk : List.of("@modelcontextprotocol/sdk", "@modelcontextprotocol/client")) {
			assertThat(DIRECTORY.resolve("node_modules/" + sdk + "/package.json"))
				.as("%s is installed by 'npm ci' in %s (run by the build)", sdk, DIRECTORY)
				.exists();
		}
		Path stdout = output.resolve(script + ".json");
		Path stderr = output.resolve(script + ".stderr.txt");
		List<String> command = new ArrayList<>(List.of("node", script));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(DIRECTORY.toFile())
			.redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile())
			.start();
		process.getOutputStream().close();
		boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (!finished) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		assertThat(finished).as("%s finished within %s; stderr:%n%s", script, timeout, Files.readString(stderr))
			.isTrue();
		assertThat(process.exitValue()).as("exit code of %s; stderr:%n%s", script, Files.readString(stderr)).isZero();
		return JSON.readTree(Files.readString(stdout));
	}

}
