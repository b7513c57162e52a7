package dev.mcpspring.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.mcpspring.benchmarks.tools.BenchmarkTools;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpResponse;
import dev.mcpspring.server.McpServerHandler;
import dev.mcpspring.server.session.McpSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.util.Assert;

/**
 * One {@code tools/call} through the real engine, as the HTTP transport runs it minus the
 * socket: decode with {@link JsonRpcCodec} → {@link McpServerHandler#handle} (dispatch,
 * argument binding and Jakarta validation, invocation, result conversion) → encode. The
 * tools are {@code @NonBlocking} and run on the calling thread;
 * {@code echoOnWorkerStateless} shows what the hand-off of an unmarked method to the
 * blocking scheduler costs. The engine comes from the auto-configuration, with the
 * {@code @McpTool} beans of {@link BenchmarkTools} found by the production
 * {@code AnnotatedMcpHandlerDetector}.
 * <p>
 * The {@code baseline*} methods do what the floor server of the load test does with the
 * same bytes: a bare Jackson parse, a hand-built result and a write. Report every score
 * as a ratio to its baseline, so that runs on different machines compare.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xmx512m", "-XX:+UseParallelGC" })
public class HotPathBenchmark {

	static final String STATELESS_META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
			+ "\"io.modelcontextprotocol/clientCapabilities\":{}}";

	private ConfigurableApplicationContext context;

	private JsonRpcCodec codec;

	private JsonMapper jsonMapper;

	private McpServerHandler handler;

	private McpSession session;

	private final String text = new BenchmarkTools().text10k();

	private final byte[] echoStateless = call("echo", "{\"message\":\"hello-bench\"}", true);

	private final byte[] echoSession = call("echo", "{\"message\":\"hello-bench\"}", false);

	private final byte[] echoOnWorkerStateless = call("echoOnWorker", "{\"message\":\"hello-bench\"}", true);

	private final byte[] addStateless = call("add", "{\"a\":2,\"b\":40}", true);

	private final byte[] quoteStateless = call("quote",
			"{\"request\":{\"sku\":\"ABC-1234\",\"quantity\":3,\"customerEmail\":\"a@example.com\"}}", true);

	private final byte[] text10kStateless = call("text10k", "{}", true);

	@Setup(Level.Trial)
	public void setUp() {
		this.context = new SpringApplicationBuilder(Config.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			// without observations, as in the stripped server: ObservationBenchmark
			// measures them
			.properties(Map.of("logging.level.root", "warn", "spring.autoconfigure.exclude",
					ObservationBenchmark.OBSERVATION_AUTO_CONFIGURATION))
			.run();
		this.codec = this.context.getBean(JsonRpcCodec.class);
		this.jsonMapper = this.codec.getJsonMapper();
		this.handler = this.context.getBean(McpServerHandler.class);
		byte[] initialize = ("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
				+ "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
				+ "\"clientInfo\":{\"name\":\"jmh\",\"version\":\"1.0\"}}}")
			.getBytes(StandardCharsets.UTF_8);
		McpResponse response = this.handler
			.handle(new McpRequest((JsonRpcRequest) this.codec.decode(initialize), null, "2025-11-25"))
			.block();
		Assert.state(response != null && response.createdSession() != null, "initialize did not create a session");
		this.session = response.createdSession();
		check(echoStateless(), "\"text\":\"hello-bench\"");
		check(echoSession(), "\"text\":\"hello-bench\"");
		check(echoOnWorkerStateless(), "\"text\":\"hello-bench\"");
		check(addStateless(), "42");
		check(quoteStateless(), "\"totalCents\":750");
		check(text10kStateless(), "END\"");
		check(baselineEcho(), "\"text\":\"hello-bench\"");
		check(baselineText10k(), "END\"");
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.context.close();
	}

	@Benchmark
	public byte[] baselineEcho() {
		return baseline(this.echoStateless);
	}

	@Benchmark
	public byte[] baselineText10k() {
		return baseline(this.text10kStateless);
	}

	@Benchmark
	public byte[] echoStateless() {
		return serve(this.echoStateless, null, "2026-07-28");
	}

	@Benchmark
	public byte[] echoSession() {
		return serve(this.echoSession, this.session, "2025-11-25");
	}

	@Benchmark
	public byte[] echoOnWorkerStateless() {
		return serve(this.echoOnWorkerStateless, null, "2026-07-28");
	}

	@Benchmark
	public byte[] addStateless() {
		return serve(this.addStateless, null, "2026-07-28");
	}

	@Benchmark
	public byte[] quoteStateless() {
		return serve(this.quoteStateless, null, "2026-07-28");
	}

	@Benchmark
	public byte[] text10kStateless() {
		return serve(this.text10kStateless, null, "2026-07-28");
	}

	private byte[] serve(byte[] body, McpSession session, String version) {
		JsonRpcRequest request = (JsonRpcRequest) this.codec.decode(body);
		McpResponse response = this.handler.handle(new McpRequest(request, session, version)).block();
		return this.codec.encode(response.message());
	}

	private byte[] baseline(byte[] body) {
		JsonNode call = this.jsonMapper.readTree(body);
		JsonNode params = call.path("params");
		String result = "echo".equals(params.path("name").asString(""))
				? params.path("arguments").path("message").asString("") : this.text;
		ObjectNode response = this.jsonMapper.createObjectNode();
		response.put("jsonrpc", "2.0");
		response.set("id", call.get("id"));
		ObjectNode callResult = response.putObject("result");
		callResult.putArray("content").addObject().put("type", "text").put("text", result);
		callResult.put("isError", false);
		return this.jsonMapper.writeValueAsBytes(response);
	}

	private static void check(byte[] response, String expected) {
		String json = new String(response, StandardCharsets.UTF_8);
		Assert.state(json.contains(expected) && !json.contains("\"error\"") && !json.contains("\"isError\":true"),
				() -> "Unexpected response: " + json);
	}

	static byte[] call(String tool, String arguments, boolean stateless) {
		String meta = stateless ? "," + STATELESS_META : "";
		return ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
				+ "\",\"arguments\":" + arguments + meta + "}}")
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The application: auto-configuration and the benchmark tools, no web server.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(BenchmarkTools.class)
	static class Config {

	}

}
