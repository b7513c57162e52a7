package dev.mcpspring.benchmarks.jmh;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.ServerSentEventHttpMessageWriter;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

/**
 * One JSON-RPC response framed as a Server-Sent Event the way the Streamable HTTP
 * transport does it ({@code event: message}, an event id, the JSON as {@code data}),
 * written by Spring's {@link ServerSentEventHttpMessageWriter}; the baseline writes the
 * same response as a plain JSON body.
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
public class SseFramingBenchmark {

	private static final ResolvableType SSE_TYPE = ResolvableType.forClassWithGenerics(ServerSentEvent.class,
			String.class);

	private final JsonRpcCodec codec = new JsonRpcCodec(new JsonMapper());

	private final ServerSentEventHttpMessageWriter writer = new ServerSentEventHttpMessageWriter();

	private final JsonRpcResponse response = response(this.codec.getJsonMapper());

	@Benchmark
	public byte[] baselineJsonBody() {
		return this.codec.encode(this.response);
	}

	@Benchmark
	public String sseEvent() {
		ServerSentEvent<String> event = ServerSentEvent.<String>builder()
			.id("0f8c6f36-3f5e-4a7e-9d8c-5a1d2e3f4b5c/1")
			.event("message")
			.data(this.codec.encodeToString(this.response))
			.build();
		MockServerHttpResponse http = new MockServerHttpResponse();
		this.writer.write(Mono.just(event), SSE_TYPE, MediaType.TEXT_EVENT_STREAM, http, Map.of()).block();
		return http.getBodyAsString().block();
	}

	private static JsonRpcResponse response(JsonMapper jsonMapper) {
		ObjectNode result = jsonMapper.createObjectNode();
		result.putArray("content").addObject().put("type", "text").put("text", "hello-bench");
		result.put("isError", false);
		return new JsonRpcResponse(jsonMapper.getNodeFactory().numberNode(1), result, null);
	}

}
