package dev.mcpspring.autoconfigure;

import java.util.concurrent.Executor;

import dev.mcpspring.method.ThreadContextPropagator;
import dev.mcpspring.method.support.MicrometerThreadContextPropagator;
import dev.mcpspring.security.ReactiveSecurityContextInterceptor;
import dev.mcpspring.security.SecurityContextThreadContextPropagator;
import io.micrometer.context.ContextSnapshotFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnThreading;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Where blocking handler methods run, and what follows them there. The
 * {@value McpServerAutoConfiguration#TOOL_EXECUTOR_BEAN_NAME} bean is, in this order:
 * virtual threads when {@code spring.threads.virtual.enabled} is on, Boot's
 * {@code applicationTaskExecutor} when there is one, else a bounded pool of its own. It
 * is not a default candidate, so it never makes an injection of {@link Executor} by type
 * ambiguous and never makes Boot's own executor back off.
 *
 * @author MCP Spring Boot team
 */
final class McpToolExecutionConfigurations {

	private static final String THREAD_NAME_PREFIX = "mcp-tool-";

	private McpToolExecutionConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnThreading(Threading.VIRTUAL)
	static class VirtualThreadsConfiguration {

		@Bean(name = McpServerAutoConfiguration.TOOL_EXECUTOR_BEAN_NAME, defaultCandidate = false)
		@ConditionalOnMissingBean(name = McpServerAutoConfiguration.TOOL_EXECUTOR_BEAN_NAME)
		VirtualThreadTaskExecutor mcpToolExecutor() {
			return new VirtualThreadTaskExecutor(THREAD_NAME_PREFIX);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnThreading(Threading.PLATFORM)
	@ConditionalOnBean(name = TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME)
	static class ApplicationTaskExecutorConfiguration {

		/**
		 * Boot's executor under a second name; its own bean definition shuts it down.
		 */
		@Bean(name = McpServerAutoConfiguration.TOOL_EXECUTOR_BEAN_NAME, defaultCandidate = false, destroyMethod = "")
		@ConditionalOnMissingBean(name = McpServerAutoConfiguration.TOOL_EXECUTOR_BEAN_NAME)
		Executor mcpToolExecutor(
				@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) Executor executor) {
			return executor;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnThreading(Threading.PLATFORM)
	@ConditionalOnMissingBean(name = TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME)
	static class BoundedPoolConfiguration {

		/**
		 * As many threads as Reactor's bounded elastic scheduler allows: ten per
		 * processor, idle ones ending after a minute.
		 */
		@Bean(name = McpServerAutoConfiguration.TOOL_EXECUTOR_BEAN_NAME, defaultCandidate = false)
		@ConditionalOnMissingBean(name = McpServerAutoConfiguration.TOOL_EXECUTOR_BEAN_NAME)
		ThreadPoolTaskExecutor mcpToolExecutor() {
			int threads = 10 * Runtime.getRuntime().availableProcessors();
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setThreadNamePrefix(THREAD_NAME_PREFIX);
			executor.setCorePoolSize(threads);
			executor.setMaxPoolSize(threads);
			executor.setQueueCapacity(100_000);
			executor.setKeepAliveSeconds(60);
			executor.setAllowCoreThreadTimeOut(true);
			return executor;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SecurityContextHolder.class)
	static class SecurityContextPropagationConfiguration {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		@ConditionalOnMissingBean
		SecurityContextThreadContextPropagator mcpSecurityContextPropagator() {
			return new SecurityContextThreadContextPropagator();
		}

		@Bean
		@ConditionalOnMissingBean
		ReactiveSecurityContextInterceptor mcpReactiveSecurityContextInterceptor() {
			return new ReactiveSecurityContextInterceptor();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ContextSnapshotFactory.class)
	static class MicrometerContextPropagationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MicrometerThreadContextPropagator mcpMicrometerContextPropagator() {
			return new MicrometerThreadContextPropagator();
		}

	}

}
