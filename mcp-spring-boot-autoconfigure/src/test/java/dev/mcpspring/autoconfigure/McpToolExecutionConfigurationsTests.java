package dev.mcpspring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;

import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.annotation.NonBlocking;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.method.support.MicrometerThreadContextPropagator;
import dev.mcpspring.model.ProtocolVersions;
import dev.mcpspring.security.SecurityContextThreadContextPropagator;
import dev.mcpspring.server.McpClientChannel;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpServerHandler;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import reactor.util.context.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpToolExecutionConfigurations}: where blocking tools run and what
 * reaches them there.
 *
 * @author MCP Spring Boot team
 */
class McpToolExecutionConfigurationsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
				McpServerAutoConfiguration.class))
		.withBean(Tools.class);

	// issue 17: blocking tools ran on an executor of their own that was not a bean
	@Test
	void blockingToolsRunOnBootsApplicationTaskExecutorByDefault() {
		this.contextRunner.run((context) -> {
			Object applicationTaskExecutor = context
				.getBean(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME);
			assertThat(context.getBean(McpServerAutoConfiguration.TOOL_EXECUTOR_BEAN_NAME))
				.isSameAs(applicationTaskExecutor);
			assertThat(toolText(context, "blockingThread", null)).startsWith("task-").endsWith("virtual=false");
		});
	}

	@Test
	void applicationTaskExecutorIsStillTheOnlyExecutorInjectedByType() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasBean(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME);
			assertThat(context.getBeanProvider(Executor.class).getIfUnique())
				.isSameAs(context.getBean(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME));
		});
	}

	@Test
	void boundedPoolWithoutApplicationTaskExecutor() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, McpServerAutoConfiguration.class))
			.withBean(Tools.class)
			.run((context) -> {
				ThreadPoolTaskExecutor executor = context.getBean(McpServerAutoConfiguration.TOOL_EXECUTOR_BEAN_NAME,
						ThreadPoolTaskExecutor.class);
				assertThat(executor.getMaxPoolSize()).isEqualTo(10 * Runtime.getRuntime().availableProcessors());
				assertThat(executor.getQueueCapacity()).isEqualTo(100_000);
				assertThat(toolText(context, "blockingThread", null)).startsWith("mcp-tool-").endsWith("virtual=false");
			});
	}

	@Test
	void virtualThreadsOnlyWhenEnabled() {
		this.contextRunner.withPropertyValues("spring.threads.virtual.enabled=false")
			.run((context) -> assertThat(toolText(context, "blockingThread", null)).endsWith("virtual=false"));
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void virtualThreadsWhenEnabled() {
		this.contextRunner.withPropertyValues("spring.threads.virtual.enabled=true").run((context) -> {
			assertThat(context.getBean(McpServerAutoConfiguration.TOOL_EXECUTOR_BEAN_NAME))
				.isNotSameAs(context.getBean(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME));
			assertThat(toolText(context, "blockingThread", null)).startsWith("mcp-tool-").endsWith("virtual=true");
		});
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void platformThreadsWhenVirtualThreadsAreEnabledBeforeJava21() {
		this.contextRunner.withPropertyValues("spring.threads.virtual.enabled=true")
			.run((context) -> assertThat(toolText(context, "blockingThread", null)).startsWith("task-")
				.endsWith("virtual=false"));
	}

	@Test
	void userExecutorBacksOff() {
		this.contextRunner
			.withBean(McpServerAutoConfiguration.TOOL_EXECUTOR_BEAN_NAME, Executor.class,
					() -> new SimpleAsyncTaskExecutor("user-tool-"))
			.run((context) -> assertThat(toolText(context, "blockingThread", null)).startsWith("user-tool-"));
	}

	@Test
	void nonBlockingToolsStayOnTheCallingThread() {
		this.contextRunner.run((context) -> assertThat(toolText(context, "nonBlockingThread", null))
			.isEqualTo(Thread.currentThread().getName()));
	}

	// issue 17: the caller's trace did not reach a blocking tool
	@Test
	void traceOfTheRequestReachesBlockingTools() {
		SimpleTracer tracer = new SimpleTracer();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
		this.contextRunner.withBean(SimpleTracer.class, () -> tracer).run((context) -> {
			assertThat(context).hasSingleBean(MicrometerThreadContextPropagator.class);
			Observation request = Observation.start("http.server.requests", registry);
			try {
				TracingContext tracing = request.getContext().getRequired(TracingContext.class);
				Span span = tracing.getSpan();
				String traceId = toolText(context, "traceId", null,
						Context.of(ObservationThreadLocalAccessor.KEY, request));
				assertThat(traceId).isEqualTo(span.context().traceId()).isNotEmpty();
			}
			finally {
				request.stop();
			}
		});
	}

	@Test
	void noMicrometerPropagationWithoutContextPropagationLibrary() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ContextSnapshotFactory.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MicrometerThreadContextPropagator.class));
	}

	// issue 17: SecurityContextHolder was empty in a blocking tool
	@Test
	void authenticatedCallerReachesBlockingToolsThroughSecurityContextHolder() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(SecurityContextThreadContextPropagator.class);
			Authentication ada = UsernamePasswordAuthenticationToken.authenticated("ada", "n/a", java.util.List.of());
			assertThat(toolText(context, "securityContextName", ada)).isEqualTo("ada");
			assertThat(toolText(context, "securityContextName", null)).isEqualTo("none");
		});
	}

	@Test
	void securityContextIsClearedAfterTheCall() {
		Executor singleThread = Executors.newSingleThreadExecutor();
		this.contextRunner
			.withBean(McpServerAutoConfiguration.TOOL_EXECUTOR_BEAN_NAME, Executor.class, () -> singleThread)
			.run((context) -> {
				Authentication ada = UsernamePasswordAuthenticationToken.authenticated("ada", "n/a",
						java.util.List.of());
				assertThat(toolText(context, "securityContextName", ada)).isEqualTo("ada");
				assertThat(toolText(context, "securityContextName", null)).isEqualTo("none");
			});
	}

	@Test
	void noSecurityPropagationWithoutSpringSecurity() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(SecurityContextThreadContextPropagator.class));
	}

	private static String toolText(AssertableApplicationContext context, String tool, @Nullable Principal principal) {
		return toolText(context, tool, principal, Context.empty());
	}

	private static String toolText(AssertableApplicationContext context, String tool, @Nullable Principal principal,
			Context reactorContext) {
		assertThat(context).hasNotFailed();
		JsonRpcCodec codec = context.getBean(JsonRpcCodec.class);
		JsonRpcRequest request = (JsonRpcRequest) codec
			.decode(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"," + "\"params\":{\"name\":\"" + tool
					+ "\",\"arguments\":{}}}")
				.getBytes(StandardCharsets.UTF_8));
		McpRequest mcpRequest = new McpRequest(request, null, ProtocolVersions.LATEST, McpClientChannel.discard(),
				principal);
		String json = context.getBean(McpServerHandler.class)
			.handle(mcpRequest)
			.map((response) -> codec.encodeToString(response.message()))
			.contextWrite(reactorContext)
			.block(TIMEOUT);
		JsonNode result = JsonMapper.builder().build().readTree(json);
		assertThat(result.at("/result/isError").asBoolean(false)).as(json).isFalse();
		return result.at("/result/content/0/text").asString();
	}

	static class Tools {

		private final @Nullable SimpleTracer tracer;

		Tools(org.springframework.beans.factory.ObjectProvider<SimpleTracer> tracer) {
			this.tracer = tracer.getIfAvailable();
		}

		@McpTool
		String blockingThread() {
			return Thread.currentThread().getName() + " virtual=" + isVirtual(Thread.currentThread());
		}

		@McpTool
		@NonBlocking
		String nonBlockingThread() {
			return Thread.currentThread().getName();
		}

		@McpTool
		String traceId() {
			Span span = (this.tracer != null) ? this.tracer.currentSpan() : null;
			return (span != null) ? span.context().traceId() : "none";
		}

		@McpTool
		String securityContextName() {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			return (authentication != null) ? authentication.getName() : "none";
		}

		private static boolean isVirtual(Thread thread) {
			try {
				return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
			}
			catch (ReflectiveOperationException ex) {
				return false;
			}
		}

	}

}
