package dev.mcpspring.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.method.InputSchemaValidator;
import dev.mcpspring.method.McpArgumentValidator;
import dev.mcpspring.method.McpMethodArgumentResolver;
import dev.mcpspring.method.McpMethodArgumentResolverComposite;
import dev.mcpspring.method.ThreadContextPropagator;
import dev.mcpspring.method.support.AnnotatedMcpHandlerDetector;
import dev.mcpspring.method.support.JakartaArgumentValidator;
import dev.mcpspring.method.support.HttpHeadersMethodArgumentResolver;
import dev.mcpspring.method.support.McpContextArgumentResolver;
import dev.mcpspring.method.support.McpHeaderMethodArgumentResolver;
import dev.mcpspring.method.support.PrincipalMethodArgumentResolver;
import dev.mcpspring.method.support.ToolArgumentResolver;
import dev.mcpspring.method.support.ToolResultConverter;
import dev.mcpspring.model.Implementation;
import dev.mcpspring.schema.DefaultJsonSchemaGenerator;
import dev.mcpspring.schema.JsonSchemaGenerator;
import dev.mcpspring.schema.JsonSchemaGeneratorCustomizer;
import dev.mcpspring.server.CompletionRegistry;
import dev.mcpspring.server.DefaultMcpExceptionResolver;
import dev.mcpspring.server.DefaultMcpFeatureExceptionResolver;
import dev.mcpspring.server.McpExceptionResolver;
import dev.mcpspring.server.McpFeatureExceptionResolver;
import dev.mcpspring.server.McpExceptionTranslator;
import dev.mcpspring.server.McpFeatureFilter;
import dev.mcpspring.server.McpServerHandler;
import dev.mcpspring.server.McpServerInterceptor;
import dev.mcpspring.server.McpSessionService;
import dev.mcpspring.server.McpStatelessExtension;
import dev.mcpspring.server.PromptRegistry;
import dev.mcpspring.server.ResourceRegistry;
import dev.mcpspring.server.ResourceUpdatePublisher;
import dev.mcpspring.server.SessionAttributeLimits;
import dev.mcpspring.server.ToolRegistry;
import dev.mcpspring.server.ToolTimeoutListener;
import dev.mcpspring.server.scope.McpScopeRegistry;
import dev.mcpspring.server.session.InMemoryMcpSessionRepository;
import dev.mcpspring.server.session.McpSessionBroker;
import dev.mcpspring.server.session.McpSessionRepository;
import dev.mcpspring.server.stateless.CacheHints;
import dev.mcpspring.server.stateless.RequestStateCodec;
import dev.mcpspring.server.task.InMemoryTaskStore;
import dev.mcpspring.server.task.McpTasks;
import dev.mcpspring.server.task.TaskStore;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.task.support.ExecutorServiceAdapter;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the transport-neutral MCP
 * server: the engine, its registries and the detection of annotated handler methods.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = TaskExecutionAutoConfiguration.class,
		afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
				"org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration" })
@ConditionalOnClass({ McpServerHandler.class, JsonMapper.class })
@ConditionalOnBooleanProperty(name = "mcp.server.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ McpServerProperties.class, McpMiddlewareProperties.class })
@ImportRuntimeHints(McpServerRuntimeHints.class)
@Import({ McpToolExecutionConfigurations.VirtualThreadsConfiguration.class,
		McpToolExecutionConfigurations.ApplicationTaskExecutorConfiguration.class,
		McpToolExecutionConfigurations.BoundedPoolConfiguration.class,
		McpToolExecutionConfigurations.SecurityContextPropagationConfiguration.class,
		McpToolExecutionConfigurations.MicrometerContextPropagationConfiguration.class,
		McpInputSchemaValidatorConfigurations.NetworkntConfiguration.class,
		McpInputSchemaValidatorConfigurations.MissingValidatorConfiguration.class })
public final class McpServerAutoConfiguration {

	/**
	 * Maximum number of live tasks of the tasks extension, across instances.
	 */
	public static final int MAX_TASKS = 1_000;

	/**
	 * Name of the {@link Executor} bean that runs blocking handler methods. Declare a
	 * bean of this name to replace it.
	 */
	public static final String TOOL_EXECUTOR_BEAN_NAME = "mcpToolExecutor";

	private static final boolean httpHeadersPresent = ClassUtils.isPresent("org.springframework.http.HttpHeaders",
			McpServerAutoConfiguration.class.getClassLoader());

	@Bean
	@ConditionalOnMissingBean
	JsonRpcCodec mcpJsonRpcCodec(ObjectProvider<JsonMapper> jsonMapper) {
		return new JsonRpcCodec(jsonMapper.getIfAvailable(JsonMapper::new));
	}

	@Bean
	@ConditionalOnMissingBean
	JsonSchemaGenerator mcpJsonSchemaGenerator(ObjectProvider<JsonSchemaGeneratorCustomizer> customizers) {
		return new DefaultJsonSchemaGenerator(customizers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	ToolRegistry mcpToolRegistry(McpServerProperties properties, McpScopeRegistry scopeRegistry) {
		ToolRegistry registry = new ToolRegistry();
		registry.setTagFilter(properties.getTags().toFilter());
		registry.addRenameListener((from, to) -> scopeRegistry.rename(McpScopeRegistry.Kind.TOOL, from, to));
		return registry;
	}

	@Bean
	@ConditionalOnMissingBean
	PromptRegistry mcpPromptRegistry(McpServerProperties properties, McpScopeRegistry scopeRegistry) {
		PromptRegistry registry = new PromptRegistry();
		registry.setTagFilter(properties.getTags().toFilter());
		registry.addRenameListener((from, to) -> scopeRegistry.rename(McpScopeRegistry.Kind.PROMPT, from, to));
		return registry;
	}

	@Bean
	@ConditionalOnMissingBean
	ResourceRegistry mcpResourceRegistry(McpServerProperties properties) {
		ResourceRegistry registry = new ResourceRegistry();
		registry.setTagFilter(properties.getTags().toFilter());
		return registry;
	}

	@Bean
	@ConditionalOnMissingBean
	CompletionRegistry mcpCompletionRegistry() {
		return new CompletionRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	McpScopeRegistry mcpScopeRegistry() {
		return new McpScopeRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	McpSessionRepository mcpSessionRepository(McpServerProperties properties) {
		McpSessionProperties session = properties.getSession();
		return new InMemoryMcpSessionRepository(session.getMaxSessions(), session.getIdleTimeout(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	McpSessionBroker mcpSessionBroker() {
		return McpSessionBroker.local();
	}

	@Bean
	@ConditionalOnMissingBean
	TaskStore mcpTaskStore() {
		return new InMemoryTaskStore(MAX_TASKS, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean(McpStatelessExtension.class)
	McpTasks mcpTasks(ToolRegistry toolRegistry, TaskStore taskStore, McpSessionBroker sessionBroker,
			JsonRpcCodec codec) {
		return new McpTasks(toolRegistry, taskStore, sessionBroker, codec.getJsonMapper(), Duration.ofHours(1),
				Duration.ofMillis(500), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	McpServerHandler mcpServerHandler(McpServerProperties properties, McpMiddlewareProperties middleware,
			ToolRegistry toolRegistry, PromptRegistry promptRegistry, ResourceRegistry resourceRegistry,
			CompletionRegistry completionRegistry, McpSessionBroker sessionBroker,
			ObjectProvider<McpStatelessExtension> statelessExtension,
			ObjectProvider<McpExceptionResolver> exceptionResolvers,
			ObjectProvider<McpFeatureExceptionResolver> featureExceptionResolvers,
			ObjectProvider<McpExceptionTranslator> exceptionTranslators,
			ObjectProvider<McpServerInterceptor> interceptors, ObjectProvider<McpFeatureFilter> featureFilters,
			ObjectProvider<ToolTimeoutListener> toolTimeoutListeners, JsonRpcCodec codec,
			JsonSchemaGenerator schemaGenerator) {
		Implementation serverInfo = new Implementation(properties.getName(), textOrNull(properties.getTitle()),
				properties.getVersion(), null, null, null);
		List<McpExceptionResolver> resolvers = new ArrayList<>();
		resolvers.add(new DefaultMcpExceptionResolver());
		exceptionResolvers.orderedStream().forEach(resolvers::add);
		List<McpFeatureExceptionResolver> featureResolvers = new ArrayList<>();
		featureResolvers.add(new DefaultMcpFeatureExceptionResolver());
		featureExceptionResolvers.orderedStream().forEach(featureResolvers::add);
		return McpServerHandler.builder(serverInfo)
			.instructions(textOrNull(properties.getInstructions()))
			.toolRegistry(toolRegistry)
			.promptRegistry(promptRegistry)
			.resourceRegistry(resourceRegistry)
			.completionRegistry(completionRegistry)
			.instanceId(sessionBroker.getInstanceId())
			.statelessExtension(statelessExtension.getIfAvailable())
			.exceptionResolvers(resolvers)
			.featureExceptionResolvers(featureResolvers)
			.exceptionTranslators(exceptionTranslators.orderedStream().toList())
			.interceptors(interceptors.orderedStream().toList())
			.featureFilter(allOf(featureFilters.orderedStream().toList()))
			.maskErrorDetails(middleware.isMaskErrorDetails())
			.pageSize(properties.getPageSize())
			.clientRequestTimeout(properties.getClientRequestTimeout())
			.toolTimeout(properties.getTools().getTimeout())
			.toolTimeoutListeners(toolTimeoutListeners.orderedStream().toList())
			.sessionAttributeLimits(sessionAttributeLimits(properties.getSession().getAttributes()))
			.jsonMapper(codec.getJsonMapper())
			.schemaGenerator(schemaGenerator)
			.requestStateCodec(requestStateCodec(properties.getStateless(), codec))
			.cacheHints(cacheHints(properties.getStateless()))
			.build();
	}

	private static RequestStateCodec requestStateCodec(McpStatelessProperties stateless, JsonRpcCodec codec) {
		if (stateless.getRequestStateKeys().isEmpty()) {
			return RequestStateCodec.withRandomKey(stateless.getRequestStateTtl(), codec.getJsonMapper());
		}
		Map<String, byte[]> keys = new LinkedHashMap<>();
		stateless.getRequestStateKeys().forEach((id, secret) -> keys.put(id, Base64.getDecoder().decode(secret)));
		return new RequestStateCodec(keys, stateless.getRequestStateTtl(), codec.getJsonMapper(), Clock.systemUTC());
	}

	private static SessionAttributeLimits sessionAttributeLimits(McpSessionProperties.Attributes attributes) {
		return new SessionAttributeLimits(attributes.getMaxCount(), attributes.getMaxSize().toBytes());
	}

	private static CacheHints cacheHints(McpStatelessProperties stateless) {
		return new CacheHints(stateless.getListTtl(), stateless.getListCacheScope(), stateless.getReadTtl(),
				stateless.getReadCacheScope());
	}

	@Bean(destroyMethod = "destroy")
	@ConditionalOnMissingBean
	McpSessionService mcpSessionService(McpServerHandler serverHandler, McpSessionRepository sessionRepository,
			McpSessionBroker sessionBroker, JsonRpcCodec codec, McpServerProperties properties) {
		return McpSessionService.builder(serverHandler)
			.repository(sessionRepository)
			.broker(sessionBroker)
			.codec(codec)
			.sessionsEnabled(properties.getSession().isEnabled())
			.maxStreams(properties.getLimits().getMaxStreams())
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	ResourceUpdatePublisher mcpResourceUpdatePublisher(McpSessionService sessionService) {
		return sessionService.getResourceUpdatePublisher();
	}

	@Bean
	@ConditionalOnMissingBean
	ToolArgumentResolver mcpToolArgumentResolver(JsonRpcCodec codec) {
		return new ToolArgumentResolver(codec.getJsonMapper());
	}

	@Bean
	@ConditionalOnMissingBean
	ToolResultConverter mcpToolResultConverter(JsonRpcCodec codec) {
		return new ToolResultConverter(codec.getJsonMapper());
	}

	@Bean
	@ConditionalOnMissingBean
	AnnotatedMcpHandlerDetector mcpAnnotatedHandlerDetector(ApplicationContext applicationContext,
			McpServerProperties properties, McpServerHandler serverHandler, JsonSchemaGenerator schemaGenerator,
			JsonRpcCodec codec, ObjectProvider<McpMethodArgumentResolver> customResolvers,
			ToolArgumentResolver toolArgumentResolver, ObjectProvider<McpArgumentValidator> validator,
			ToolResultConverter resultConverter, McpScopeRegistry scopeRegistry,
			@Qualifier(TOOL_EXECUTOR_BEAN_NAME) Executor toolExecutor,
			ObjectProvider<ThreadContextPropagator> contextPropagators,
			ObjectProvider<InputSchemaValidator> inputSchemaValidator) {
		McpMethodArgumentResolverComposite resolvers = new McpMethodArgumentResolverComposite();
		resolvers.addResolver(new McpContextArgumentResolver(serverHandler.getContextFactory()));
		resolvers.addResolver(new PrincipalMethodArgumentResolver());
		resolvers.addResolver(new McpHeaderMethodArgumentResolver());
		if (httpHeadersPresent) {
			resolvers.addResolver(new HttpHeadersMethodArgumentResolver());
		}
		customResolvers.orderedStream().forEach(resolvers::addResolver);
		resolvers.addResolver(toolArgumentResolver);
		AnnotatedMcpHandlerDetector detector = new AnnotatedMcpHandlerDetector(applicationContext,
				serverHandler.getFeatures(), schemaGenerator, resolvers, toolArgumentResolver,
				validator.getIfAvailable(), resultConverter, AnnotatedMcpHandlerDetector.defaultBlockingMethods(),
				interruptibleScheduler(toolExecutor), codec.getJsonMapper());
		detector.setScopeRegistry(scopeRegistry);
		detector.setThreadContextPropagator(ThreadContextPropagator.of(contextPropagators.orderedStream().toList()));
		detector.setInputSchemaValidator(inputSchemaValidator.getIfAvailable());
		detector.setToolNames(properties.getTools().getRename());
		return detector;
	}

	/**
	 * A scheduler over the tool executor whose tasks are interrupted when cancelled, so
	 * that a blocking tool stops when its call times out or the client cancels it.
	 */
	private static Scheduler interruptibleScheduler(Executor toolExecutor) {
		return Schedulers.fromExecutorService(new ExecutorServiceAdapter(toolExecutor::execute), "mcp-tool");
	}

	private static @Nullable String textOrNull(@Nullable String text) {
		return StringUtils.hasText(text) ? text : null;
	}

	private static McpFeatureFilter allOf(List<McpFeatureFilter> filters) {
		return (feature, request) -> filters.stream().allMatch((filter) -> filter.isVisible(feature, request));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Validator.class)
	@ConditionalOnBean(Validator.class)
	static class ValidationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		McpArgumentValidator mcpArgumentValidator(Validator validator, ToolArgumentResolver toolArgumentResolver) {
			return new JakartaArgumentValidator(validator, toolArgumentResolver);
		}

	}

}
