package dev.mcpspring.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpResponse;
import dev.mcpspring.server.McpServerHandler;
import io.micrometer.core.instrument.MeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.Assert;

/**
 * What the observation of an MCP request costs: the stateless {@code echo} call of
 * {@link HotPathBenchmark} with Actuator's metrics and the Prometheus registry on the
 * classpath, with observations {@code off} (no {@code ObservationRegistry}) and
 * {@code on} (Boot's registry, so the {@code mcp.server.operation} timer and long task
 * timer are recorded, as in a production deployment), and {@code on} without Boot's long
 * task timers ({@code management.observations.long-task-timer.enabled=false}). Run with
 * {@code -prof gc}: the allocation per call ({@code gc.alloc.rate.norm}) does not depend
 * on the load of the machine, where the time per call does. There is no HTTP server here,
 * so Boot's {@code http.server.requests} observation is not part of it (the load test
 * measures it).
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
public class ObservationBenchmark {

	static final String OBSERVATION_AUTO_CONFIGURATION = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration";

	@Param({ "off", "on", "on-without-long-task-timer" })
	public String observations;

	private ConfigurableApplicationContext context;

	private JsonRpcCodec codec;

	private McpServerHandler handler;

	private final byte[] echoStateless = HotPathBenchmark.call("echo", "{\"message\":\"hello-bench\"}", true);

	@Setup(Level.Trial)
	public void setUp() {
		Map<String, Object> properties = new HashMap<>();
		properties.put("logging.level.root", "warn");
		if ("off".equals(this.observations)) {
			properties.put("spring.autoconfigure.exclude", OBSERVATION_AUTO_CONFIGURATION);
		}
		if ("on-without-long-task-timer".equals(this.observations)) {
			properties.put("management.observations.long-task-timer.enabled", "false");
		}
		this.context = new SpringApplicationBuilder(HotPathBenchmark.Config.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties(properties)
			.run();
		this.codec = this.context.getBean(JsonRpcCodec.class);
		this.handler = this.context.getBean(McpServerHandler.class);
		String json = new String(echoStateless(), StandardCharsets.UTF_8);
		Assert.state(json.contains("\"text\":\"hello-bench\""), () -> "Unexpected response: " + json);
		boolean timed = this.context.getBean(MeterRegistry.class).find("mcp.server.operation").timer() != null;
		Assert.state(timed != "off".equals(this.observations), () -> "mcp.server.operation timer present: " + timed);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.context.close();
	}

	@Benchmark
	public byte[] echoStateless() {
		JsonRpcRequest request = (JsonRpcRequest) this.codec.decode(this.echoStateless);
		McpResponse response = this.handler.handle(new McpRequest(request, null, "2026-07-28")).block();
		return this.codec.encode(response.message());
	}

}
