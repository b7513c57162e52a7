package dev.mcpspring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.annotation.NonBlocking;
import dev.mcpspring.autoconfigure.observation.McpObservationAutoConfiguration;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.model.ProtocolVersions;
import dev.mcpspring.observation.ToolTimeoutCounter;
import dev.mcpspring.server.McpClientChannel;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpServerHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for tool timeouts: {@code mcp.server.tools.timeout} and
 * {@code @McpTool(timeout)}.
 *
 * @author MCP Spring Boot team
 */
class McpToolTimeoutTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
				McpServerAutoConfiguration.class, McpObservationAutoConfiguration.class))
		.withBean(ObservationRegistry.class, ObservationRegistry::create)
		.withBean(SlowTools.class);

	// issue 18.3: a hung tool held its request until the client gave up
	@Test
	void blockingToolOverItsTimeoutIsCancelledAndAnsweredWithToolError() {
		this.contextRunner.run((context) -> {
			SlowTools tools = context.getBean(SlowTools.class);
			JsonNode result = call(context, "sleepy");
			assertThat(result.at("/result/isError").asBoolean()).as(result.toString()).isTrue();
			assertThat(result.at("/result/content/0/text").asString())
				.isEqualTo("Tool 'sleepy' timed out after 300 ms");
			assertThat(tools.interrupted.await(5, TimeUnit.SECONDS)).as("the blocking tool was interrupted").isTrue();
		});
	}

	@Test
	void nonBlockingToolOverItsTimeoutIsCancelled() {
		this.contextRunner.run((context) -> {
			SlowTools tools = context.getBean(SlowTools.class);
			JsonNode result = call(context, "hanging");
			assertThat(result.at("/result/content/0/text").asString())
				.isEqualTo("Tool 'hanging' timed out after 300 ms");
			assertThat(tools.cancelled.await(5, TimeUnit.SECONDS)).as("the tool's Mono was cancelled").isTrue();
		});
	}

	@Test
	void serverDefaultAppliesToToolsWithoutTimeoutOfTheirOwn() {
		this.contextRunner.withPropertyValues("mcp.server.tools.timeout=1s").run((context) -> {
			assertThat(call(context, "quick").at("/result/content/0/text").asString()).isEqualTo("done");
			assertThat(call(context, "unbounded").at("/result/content/0/text").asString())
				.isEqualTo("Tool 'unbounded' timed out after 1 s");
			assertThat(call(context, "exempt").at("/result/content/0/text").asString()).isEqualTo("finished");
		});
	}

	@Test
	void noTimeoutByDefault() {
		this.contextRunner
			.run((context) -> assertThat(call(context, "unbounded").at("/result/content/0/text").asString())
				.isEqualTo("finished"));
	}

	@Test
	void timeoutsAreCounted() {
		this.contextRunner.run((context) -> {
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			context.getBean(ToolTimeoutCounter.class).bindTo(registry);
			call(context, "hanging");
			call(context, "hanging");
			assertThat(
					registry.get(ToolTimeoutCounter.TOOL_TIMEOUTS).tag("gen_ai.tool.name", "hanging").counter().count())
				.isEqualTo(2);
		});
	}

	@Test
	void negativeServerTimeoutFailsStartup() {
		this.contextRunner.withPropertyValues("mcp.server.tools.timeout=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("mcp.server.tools.timeout"));
	}

	@Test
	void invalidToolTimeoutFailsStartupNamingTheMethod() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, McpServerAutoConfiguration.class))
			.withBean(BadTimeout.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Invalid @McpTool timeout 'soon'")
				.hasStackTraceContaining("BadTimeout"));
	}

	private static JsonNode call(AssertableApplicationContext context, String tool) {
		assertThat(context).hasNotFailed();
		JsonRpcCodec codec = context.getBean(JsonRpcCodec.class);
		JsonRpcRequest request = (JsonRpcRequest) codec
			.decode(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"," + "\"params\":{\"name\":\"" + tool
					+ "\",\"arguments\":{}}}")
				.getBytes(StandardCharsets.UTF_8));
		McpRequest mcpRequest = new McpRequest(request, null, ProtocolVersions.LATEST, McpClientChannel.discard(),
				null);
		String json = context.getBean(McpServerHandler.class)
			.handle(mcpRequest)
			.map((response) -> codec.encodeToString(response.message()))
			.block(Duration.ofSeconds(10));
		return JsonMapper.builder().build().readTree(json);
	}

	static class SlowTools {

		final CountDownLatch interrupted = new CountDownLatch(1);

		final CountDownLatch cancelled = new CountDownLatch(1);

		@McpTool(timeout = "300ms")
		String sleepy() {
			try {
				Thread.sleep(30_000);
				return "woke up";
			}
			catch (InterruptedException ex) {
				this.interrupted.countDown();
				Thread.currentThread().interrupt();
				return "interrupted";
			}
		}

		@McpTool(timeout = "300ms")
		@NonBlocking
		Mono<String> hanging() {
			return Mono.<String>never().doOnCancel(this.cancelled::countDown);
		}

		@McpTool
		String quick() {
			return "done";
		}

		@McpTool
		String unbounded() throws InterruptedException {
			Thread.sleep(2500);
			return "finished";
		}

		@McpTool(timeout = "0")
		String exempt() throws InterruptedException {
			Thread.sleep(2500);
			return "finished";
		}

	}

	static class BadTimeout {

		@McpTool(timeout = "soon")
		String tool() {
			return "never";
		}

	}

}
