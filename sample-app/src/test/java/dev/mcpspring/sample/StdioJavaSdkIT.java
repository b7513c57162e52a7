package dev.mcpspring.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.mcpspring.sample.BookshopExpectations.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Drives the sample's {@code conformance} profile over stdio: the official MCP Java SDK
 * client launches the packaged jar as a child process, and a raw client checks how the
 * server answers a malformed line and the end of its input. Runs in the
 * {@code integration-test} phase, after {@code package} built the jar.
 */
class StdioJavaSdkIT extends JavaSdkConformanceSuite {

	private static final Path JAR = Path.of("target", "sample-app.jar").toAbsolutePath();

	private static final List<String> DOCUMENTED_ARGUMENTS = List.of("--mcp.server.transport.stdio.enabled=true",
			"--spring.profiles.active=conformance");

	/**
	 * Keeps the JVM alive: without it the server exits as soon as it started, because the
	 * thread reading standard input is a daemon thread and stdio turns the web server
	 * off. Remove once the transport keeps the application alive by itself (see
	 * {@link #servesWithTheDocumentedCommandLine()}).
	 */
	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private static final String INITIALIZE = """
			{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-11-25",
			 "capabilities": {}, "clientInfo": {"name": "raw-stdio-client", "version": "1.0.0"}}}""".replace("\n", "");

	@BeforeAll
	@Override
	void connect() {
		assumeTrue(Files.isRegularFile(JAR), () -> JAR + " is built by 'package' before the integration tests");
		super.connect();
	}

	@Override
	McpClientTransport createTransport() {
		List<String> arguments = new ArrayList<>(List.of("-jar", JAR.toString()));
		arguments.addAll(DOCUMENTED_ARGUMENTS);
		ServerParameters parameters = ServerParameters.builder(javaExecutable()).args(arguments).build();
		return new StdioClientTransport(parameters, new JacksonMcpJsonMapper(JSON));
	}

	@Override
	String expectedProtocolVersion() {
		return BookshopExpectations.PROTOCOL_VERSION;
	}

	@Override
	Duration requestTimeout() {
		return START_TIMEOUT;
	}

	@Test
	void malformedLineIsAParseErrorAndTheNextRequestWorks(@TempDir Path output) throws Exception {
		try (RawStdioClient raw = RawStdioClient.start(output)) {
			raw.send(INITIALIZE);
			assertThat(raw.receive(START_TIMEOUT).at("/result/protocolVersion").asString()).isEqualTo("2025-11-25");
			raw.send("{\"jsonrpc\": \"2.0\", \"method\": \"notifications/initialized\"}");
			raw.send("this is not json");
			JsonNode parseError = raw.receive(TIMEOUT);
			assertThat(parseError.at("/error/code").asInt()).as("%s", parseError).isEqualTo(-32700);
			assertThat(parseError.path("result").isMissingNode()).as("%s", parseError).isTrue();
			raw.send("{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"tools/call\", \"params\": "
					+ "{\"name\": \"test_simple_text\", \"arguments\": {}}}");
			JsonNode result = raw.receive(TIMEOUT);
			assertThat(result.path("id").asInt()).as("%s", result).isEqualTo(2);
			assertThat(result.at("/result/content/0/text").asString())
				.isEqualTo("This is a simple text response for testing.");
		}
	}

	@Test
	void endOfInputEndsTheProcess(@TempDir Path output) throws Exception {
		try (RawStdioClient raw = RawStdioClient.start(output)) {
			raw.send(INITIALIZE);
			assertThat(raw.receive(START_TIMEOUT).at("/result/serverInfo/name").asString())
				.isEqualTo("mcp-conformance-fixture");
			raw.closeInput();
			assertThat(raw.process.waitFor(20, TimeUnit.SECONDS))
				.as("exited after the end of its input; stderr:%n%s", raw.stderr())
				.isTrue();
			assertThat(raw.process.exitValue()).isZero();
			assertThat(raw.remainingStdout()).as("nothing but protocol lines on stdout").isEmpty();
			assertThat(raw.stderr()).as("the startup report goes to the log, on stderr")
				.contains("MCP server 'mcp-conformance-fixture' 1.0.0 ready: stdio; protocol revisions 2026-07-28");
		}
	}

	// issue 19: piping requests and closing stdin lost the last call in about half of the
	// runs
	@Test
	void everyRequestReadBeforeEndOfInputIsAnswered(@TempDir Path output) throws Exception {
		try (RawStdioClient raw = RawStdioClient.start(output)) {
			raw.send(INITIALIZE);
			raw.send("{\"jsonrpc\": \"2.0\", \"method\": \"notifications/initialized\"}");
			raw.send("{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"tools/call\", \"params\": "
					+ "{\"name\": \"test_tool_with_logging\", \"arguments\": {}}}");
			raw.send("{\"jsonrpc\": \"2.0\", \"id\": 3, \"method\": \"tools/call\", \"params\": "
					+ "{\"name\": \"test_tool_with_progress\", \"arguments\": {}}}");
			raw.closeInput();
			assertThat(raw.process.waitFor(60, TimeUnit.SECONDS)).as("exited; stderr:%n%s", raw.stderr()).isTrue();
			List<JsonNode> answers = raw.remainingStdout()
				.lines()
				.map(JSON::readTree)
				.filter((message) -> message.has("id"))
				.toList();
			assertThat(answers).as("stderr:%n%s", raw.stderr())
				.extracting((answer) -> answer.path("id").asInt())
				.containsExactlyInAnyOrder(1, 2, 3);
			assertThat(answers).filteredOn((answer) -> answer.path("id").asInt() > 1)
				.extracting((answer) -> answer.at("/result/content/0/text").asString())
				.containsExactlyInAnyOrder("Tool with logging executed successfully", "Progress test completed");
		}
	}

	// issue 20: overlong UTF-8 was decoded, so C0 AE C0 AE C0 AF reached a template as
	// "../"
	@Test
	void invalidUtf8IsAParseError(@TempDir Path output) throws Exception {
		try (RawStdioClient raw = RawStdioClient.start(output)) {
			raw.send(INITIALIZE);
			assertThat(raw.receive(START_TIMEOUT).at("/result/protocolVersion").asString()).isEqualTo("2025-11-25");
			raw.sendBytes(
					"{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"resources/read\", \"params\": "
							+ "{\"uri\": \"test://template/",
					java.util.HexFormat.of().parseHex("C0AEC0AEC0AF"), "/data\"}}");
			JsonNode parseError = raw.receive(TIMEOUT);
			assertThat(parseError.at("/error/code").asInt()).as("%s", parseError).isEqualTo(-32700);
		}
	}

	// the stdio server exits right after it started, before it answers anything: the
	// thread reading standard input is a daemon thread and stdio turns the web server off
	@Test
	void servesWithTheDocumentedCommandLine(@TempDir Path output) throws Exception {
		try (RawStdioClient raw = RawStdioClient.start(output)) {
			raw.send(INITIALIZE);
			JsonNode initialized = raw.receive(START_TIMEOUT);
			assertThat(initialized.at("/result/protocolVersion").asString()).as("stderr:%n%s", raw.stderr())
				.isEqualTo("2025-11-25");
		}
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * The jar as a child process, spoken to line by line.
	 */
	private static final class RawStdioClient implements AutoCloseable {

		private final Process process;

		private final OutputStream stdin;

		private final BufferedReader stdout;

		private final Path stderrFile;

		private RawStdioClient(Process process, Path stderrFile) {
			this.process = process;
			this.stdin = process.getOutputStream();
			this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			this.stderrFile = stderrFile;
		}

		static RawStdioClient start(Path output, String... extraArguments) throws IOException {
			List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", JAR.toString()));
			command.addAll(DOCUMENTED_ARGUMENTS);
			command.addAll(List.of(extraArguments));
			Path stderr = output.resolve("stderr.txt");
			Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
			return new RawStdioClient(process, stderr);
		}

		void sendBytes(String before, byte[] raw, String after) throws IOException {
			this.stdin.write(before.getBytes(StandardCharsets.UTF_8));
			this.stdin.write(raw);
			this.stdin.write((after + "\n").getBytes(StandardCharsets.UTF_8));
			this.stdin.flush();
		}

		void send(String line) throws IOException {
			this.stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
			this.stdin.flush();
		}

		/**
		 * The next line on stdout, parsed, waiting at most {@code timeout}.
		 */
		JsonNode receive(Duration timeout) throws Exception {
			CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
				try {
					return this.stdout.readLine();
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			});
			String text;
			try {
				text = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (java.util.concurrent.TimeoutException ex) {
				this.process.destroyForcibly();
				throw new AssertionError("no line on stdout within " + timeout + "; stderr:\n" + stderr(), ex);
			}
			assertThat(text).as("a line on stdout (process alive: %s); stderr:%n%s", this.process.isAlive(), stderr())
				.isNotNull();
			return JSON.readTree(text);
		}

		void closeInput() throws IOException {
			this.stdin.close();
		}

		String remainingStdout() throws IOException {
			StringBuilder rest = new StringBuilder();
			String line;
			while ((line = this.stdout.readLine()) != null) {
				rest.append(line).append('\n');
			}
			return rest.toString();
		}

		String stderr() {
			try {
				return Files.readString(this.stderrFile);
			}
			catch (IOException ex) {
				return "(unreadable: " + ex + ")";
			}
		}

		@Override
		public void close() throws InterruptedException {
			if (this.process.isAlive()) {
				this.process.destroy();
				if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
		}

	}

}
