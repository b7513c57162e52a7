package dev.mcpspring.method.support;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.mcpspring.annotation.McpArg;
import dev.mcpspring.annotation.McpComplete;
import dev.mcpspring.annotation.McpPrompt;
import dev.mcpspring.annotation.McpResource;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.annotation.NonBlocking;
import dev.mcpspring.method.InputSchemaValidator;
import dev.mcpspring.method.InvocableMcpHandlerMethod;
import dev.mcpspring.method.McpArgumentValidator;
import dev.mcpspring.method.McpHandlerMethod;
import dev.mcpspring.method.McpMethodArgumentResolverComposite;
import dev.mcpspring.method.ThreadContextPropagator;
import dev.mcpspring.model.Annotations;
import dev.mcpspring.model.Content;
import dev.mcpspring.model.Prompt;
import dev.mcpspring.model.PromptArgument;
import dev.mcpspring.model.Resource;
import dev.mcpspring.model.ResourceTemplate;
import dev.mcpspring.model.Tool;
import dev.mcpspring.schema.JsonSchemaGenerator;
import dev.mcpspring.schema.OutputSchema;
import dev.mcpspring.schema.SchemaProperty;
import dev.mcpspring.server.CompletionRegistry;
import dev.mcpspring.server.McpServerFeatures;
import dev.mcpspring.server.ToolHandler;
import dev.mcpspring.server.scope.McpScopeRegistry;
import dev.mcpspring.server.uri.UriTemplate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.MethodParameter;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Finds {@link McpTool}, {@link McpResource}, {@link McpPrompt} and {@link McpComplete}
 * methods on the beans of an application context at startup and registers them. Fails
 * fast, naming the bean and method, on an invalid or duplicate name or a type that cannot
 * be described.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class AnnotatedMcpHandlerDetector implements SmartInitializingSingleton {

	private static final List<Class<? extends Annotation>> ANNOTATIONS = List.of(McpTool.class, McpResource.class,
			McpPrompt.class, McpComplete.class);

	private static final Log logger = LogFactory.getLog(AnnotatedMcpHandlerDetector.class);

	private final ApplicationContext applicationContext;

	private final McpServerFeatures features;

	private final JsonSchemaGenerator schemaGenerator;

	private final McpMethodArgumentResolverComposite argumentResolvers;

	private final ToolArgumentResolver toolArgumentResolver;

	private final @Nullable McpArgumentValidator validator;

	private final ToolResultConverter resultConverter;

	private final Predicate<McpHandlerMethod> blockingMethodPredicate;

	private final Scheduler blockingScheduler;

	private final JsonMapper jsonMapper;

	private @Nullable McpScopeRegistry scopeRegistry;

	private ThreadContextPropagator contextPropagator = ThreadContextPropagator.NONE;

	private @Nullable InputSchemaValidator inputSchemaValidator;

	private Map<String, String> toolNames = Map.of();

	private final Set<String> declaredToolNames = new HashSet<>();

	/**
	 * Create a detector.
	 * @param applicationContext the context whose beans are scanned
	 * @param features where handlers are registered
	 * @param schemaGenerator generates input and output schemas
	 * @param argumentResolvers the argument resolvers, ending with the
	 * {@code toolArgumentResolver}
	 * @param toolArgumentResolver the resolver of JSON arguments
	 * @param validator validates arguments, or {@code null}
	 * @param resultConverter converts return values
	 * @param blockingMethodPredicate tells which methods block
	 * @param blockingScheduler where blocking methods run
	 * @param jsonMapper serializes resource values
	 */
	public AnnotatedMcpHandlerDetector(ApplicationContext applicationContext, McpServerFeatures features,
			JsonSchemaGenerator schemaGenerator, McpMethodArgumentResolverComposite argumentResolvers,
			ToolArgumentResolver toolArgumentResolver, @Nullable McpArgumentValidator validator,
			ToolResultConverter resultConverter, Predicate<McpHandlerMethod> blockingMethodPredicate,
			Scheduler blockingScheduler, JsonMapper jsonMapper) {
		this.applicationContext = applicationContext;
		this.features = features;
		this.schemaGenerator = schemaGenerator;
		this.argumentResolvers = argumentResolvers;
		this.toolArgumentResolver = toolArgumentResolver;
		this.validator = validator;
		this.resultConverter = resultConverter;
		this.blockingMethodPredicate = blockingMethodPredicate;
		this.blockingScheduler = blockingScheduler;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Set where the {@code scopes} declared on annotations are recorded.
	 * @param scopeRegistry the registry, or {@code null} to ignore scopes
	 */
	public void setScopeRegistry(@Nullable McpScopeRegistry scopeRegistry) {
		this.scopeRegistry = scopeRegistry;
	}

	/**
	 * Set what carries the context of a request to the thread of a blocking method.
	 * @param contextPropagator the propagator
	 */
	public void setThreadContextPropagator(ThreadContextPropagator contextPropagator) {
		this.contextPropagator = contextPropagator;
	}

	/**
	 * Set what enforces hand-written input schemas, such as
	 * {@code @McpTool(inputSchema = "classpath:order.json")}.
	 * @param inputSchemaValidator the validator, or {@code null} to advertise such
	 * schemas without enforcing them
	 */
	public void setInputSchemaValidator(@Nullable InputSchemaValidator inputSchemaValidator) {
		this.inputSchemaValidator = inputSchemaValidator;
	}

	/**
	 * Set the names under which annotated tools are registered instead of their declared
	 * ones ({@code mcp.server.tools.rename}).
	 * @param toolNames the new names by declared name
	 */
	public void setToolNames(Map<String, String> toolNames) {
		this.toolNames = Map.copyOf(toolNames);
	}

	/**
	 * Default predicate for blocking methods: those whose return type is not reactive or
	 * asynchronous, unless they or their class are annotated {@link NonBlocking}.
	 * @return the predicate
	 */
	public static Predicate<McpHandlerMethod> defaultBlockingMethods() {
		return (handlerMethod) -> ReactiveAdapterRegistry.getSharedInstance()
			.getAdapter(handlerMethod.getMethod().getReturnType()) == null
				&& !AnnotatedElementUtils.hasAnnotation(handlerMethod.getMethod(), NonBlocking.class)
				&& !AnnotatedElementUtils.hasAnnotation(handlerMethod.getBeanType(), NonBlocking.class);
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (String beanName : this.applicationContext.getBeanNamesForType(Object.class)) {
			if (ScopedProxyUtils.isScopedTarget(beanName)) {
				continue;
			}
			Class<?> beanType = getBeanType(beanName);
			if (beanType == null) {
				continue;
			}
			Map<Method, Boolean> methods = MethodIntrospector.selectMethods(beanType,
					(MethodIntrospector.MetadataLookup<Boolean>) (method) -> isHandlerMethod(method) ? true : null);
			if (!methods.isEmpty()) {
				Object bean = this.applicationContext.getBean(beanName);
				methods.keySet()
					.stream()
					.sorted(Comparator.comparing(Method::toGenericString))
					.forEach((method) -> register(beanName, bean, beanType, method));
			}
		}
		this.toolNames.keySet()
			.stream()
			.filter((name) -> !this.declaredToolNames.contains(name))
			.findFirst()
			.ifPresent((name) -> {
				throw new IllegalStateException("No @McpTool is named '" + name + "' to rename: check the keys of "
						+ "mcp.server.tools.rename");
			});
	}

	private static boolean isHandlerMethod(Method method) {
		return ANNOTATIONS.stream().anyMatch((type) -> AnnotatedElementUtils.hasAnnotation(method, type));
	}

	private void register(String beanName, Object bean, Class<?> beanType, Method method) {
		try {
			McpHandlerMethod handlerMethod = ProxiedBeans.handlerMethod(bean, method);
			FeatureMount mount = FeatureMount.of(beanType);
			McpTool tool = AnnotatedElementUtils.findMergedAnnotation(method, McpTool.class);
			if (tool != null) {
				registerTool(handlerMethod, tool, mount);
			}
			McpResource resource = AnnotatedElementUtils.findMergedAnnotation(method, McpResource.class);
			if (resource != null) {
				registerResource(handlerMethod, resource, mount);
			}
			McpPrompt prompt = AnnotatedElementUtils.findMergedAnnotation(method, McpPrompt.class);
			if (prompt != null) {
				registerPrompt(handlerMethod, prompt, mount);
			}
			McpComplete complete = AnnotatedElementUtils.findMergedAnnotation(method, McpComplete.class);
			if (complete != null) {
				registerCompletion(handlerMethod, complete, mount);
			}
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Invalid MCP handler method " + beanType.getSimpleName() + "#"
					+ method.getName() + " of bean '" + beanName + "': " + ex.getMessage(), ex);
		}
	}

	private @Nullable Class<?> getBeanType(String beanName) {
		try {
			Class<?> type = null;
			if (this.applicationContext instanceof ConfigurableApplicationContext configurable) {
				ConfigurableListableBeanFactory beanFactory = configurable.getBeanFactory();
				type = AutoProxyUtils.determineTargetClass(beanFactory, beanName);
			}
			type = (type != null) ? type : this.applicationContext.getType(beanName);
			if (type != null && ProxiedBeans.isJdkProxyType(type) && this.applicationContext.isSingleton(beanName)) {
				// an interface-based proxy made without auto-proxying: only its instance
				// knows the target
				type = ProxiedBeans.targetClass(this.applicationContext.getBean(beanName));
			}
			return (type != null) ? ClassUtils.getUserClass(type) : null;
		}
		catch (Throwable ex) {
			if (logger.isTraceEnabled()) {
				logger.trace("Could not resolve type of bean '" + beanName + "'", ex);
			}
			return null;
		}
	}

	private void registerTool(McpHandlerMethod handlerMethod, McpTool annotation, FeatureMount mount) {
		String declaredName = mount
			.name(StringUtils.hasText(annotation.name()) ? annotation.name() : handlerMethod.getMethod().getName());
		String name = this.toolNames.getOrDefault(declaredName, declaredName);
		this.declaredToolNames.add(declaredName);
		OutputSchema outputSchema = outputSchema(handlerMethod);
		ObjectNode handWrittenSchema = StringUtils.hasText(annotation.inputSchema())
				? readSchema(annotation.inputSchema()) : null;
		Tool tool = new Tool(name, FeatureMetadata.emptyToNull(annotation.title()),
				FeatureMetadata.emptyToNull(annotation.description()),
				(handWrittenSchema != null) ? handWrittenSchema
						: withHeaders(this.schemaGenerator.generateInputSchema(inputProperties(handlerMethod)),
								handlerMethod),
				(outputSchema != null) ? outputSchema.schema() : null, FeatureMetadata.toolAnnotations(annotation),
				FeatureMetadata.icons(annotation.icons()), FeatureMetadata.meta(annotation.meta()),
				FeatureMetadata.execution(annotation));
		ToolHandler handler = new MethodToolHandler(tool, invocable(handlerMethod), outputSchema, this.resultConverter,
				timeout(annotation.timeout(), handlerMethod));
		if (handWrittenSchema != null && this.inputSchemaValidator != null) {
			handler = new SchemaValidatingToolHandler(handler, this.inputSchemaValidator.compile(handWrittenSchema));
		}
		this.features.tools().register(handler, mount.tags(annotation.tags()));
		registerScopes(McpScopeRegistry.Kind.TOOL, name, annotation.scopes());
	}

	private static @Nullable Duration timeout(String value, McpHandlerMethod handlerMethod) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		try {
			Duration timeout = DurationStyle.detectAndParse(value.strip());
			Assert.isTrue(!timeout.isNegative(), "must not be negative");
			return timeout;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Invalid @McpTool timeout '" + value + "' on " + handlerMethod
					+ ": use a duration such as 30s, 500ms or PT2M", ex);
		}
	}

	private void registerResource(McpHandlerMethod handlerMethod, McpResource annotation, FeatureMount mount) {
		String name = mount
			.name(StringUtils.hasText(annotation.name()) ? annotation.name() : handlerMethod.getMethod().getName());
		String uri = mount.uri(annotation.uri());
		UriTemplate template = UriTemplate.parse(uri);
		for (SchemaProperty property : inputProperties(handlerMethod)) {
			if (!template.getVariableNames().contains(property.name())) {
				throw new IllegalArgumentException("parameter '" + property.name() + "' is not a variable of " + uri);
			}
		}
		Annotations annotations = FeatureMetadata.resourceAnnotations(annotation);
		String mimeType = FeatureMetadata.emptyToNull(annotation.mimeType());
		Resource resource = template.isTemplate() ? null
				: new Resource(uri, name, FeatureMetadata.emptyToNull(annotation.title()),
						FeatureMetadata.emptyToNull(annotation.description()), mimeType,
						(annotation.size() >= 0) ? annotation.size() : null, FeatureMetadata.icons(annotation.icons()),
						annotations, null);
		ResourceTemplate resourceTemplate = template.isTemplate() ? new ResourceTemplate(uri, name,
				FeatureMetadata.emptyToNull(annotation.title()), FeatureMetadata.emptyToNull(annotation.description()),
				mimeType, FeatureMetadata.icons(annotation.icons()), annotations, null) : null;
		this.features.resources()
			.register(new MethodResourceHandler(resource, resourceTemplate, invocable(handlerMethod), this.jsonMapper),
					mount.tags(annotation.tags()));
		registerScopes(McpScopeRegistry.Kind.RESOURCE, name, annotation.scopes());
	}

	private void registerPrompt(McpHandlerMethod handlerMethod, McpPrompt annotation, FeatureMount mount) {
		String name = mount
			.name(StringUtils.hasText(annotation.name()) ? annotation.name() : handlerMethod.getMethod().getName());
		List<PromptArgument> arguments = inputProperties(handlerMethod).stream()
			.map((property) -> new PromptArgument(property.name(), null, property.description(), property.required()))
			.toList();
		Prompt prompt = new Prompt(name, FeatureMetadata.emptyToNull(annotation.title()),
				FeatureMetadata.emptyToNull(annotation.description()), arguments,
				FeatureMetadata.icons(annotation.icons()), null);
		this.features.prompts()
			.register(new MethodPromptHandler(prompt, invocable(handlerMethod)), mount.tags(annotation.tags()));
		registerScopes(McpScopeRegistry.Kind.PROMPT, name, annotation.scopes());
	}

	private void registerScopes(McpScopeRegistry.Kind kind, String name, String[] scopes) {
		if (this.scopeRegistry != null) {
			this.scopeRegistry.registerDefault(kind, name, List.of(scopes));
		}
	}

	private void registerCompletion(McpHandlerMethod handlerMethod, McpComplete annotation, FeatureMount mount) {
		boolean prompt = StringUtils.hasText(annotation.prompt());
		if (prompt == StringUtils.hasText(annotation.resource())) {
			throw new IllegalArgumentException("@McpComplete needs exactly one of prompt and resource");
		}
		if (!Collection.class.isAssignableFrom(completionType(handlerMethod))) {
			throw new IllegalArgumentException("@McpComplete methods must return a List<String>");
		}
		String type = prompt ? CompletionRegistry.PROMPT_REFERENCE : CompletionRegistry.RESOURCE_REFERENCE;
		String reference = prompt ? mount.name(annotation.prompt()) : mount.uri(annotation.resource());
		this.features.completions().register(new MethodCompletionHandler(type, reference, invocable(handlerMethod)));
	}

	private ObjectNode withHeaders(ObjectNode schema, McpHandlerMethod handlerMethod) {
		Set<String> headers = new HashSet<>();
		for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
			McpArg arg = parameter.getParameterAnnotation(McpArg.class);
			if (arg == null || arg.header().isEmpty()) {
				continue;
			}
			if (!HEADER_TOKEN.matcher(arg.header()).matches() || !headers.add(arg.header().toLowerCase(Locale.ROOT))) {
				throw new IllegalArgumentException("header '" + arg.header() + "' must be a unique HTTP token");
			}
			String name = this.toolArgumentResolver.getArgument(parameter).name();
			JsonNode property = schema.path("properties").path(name);
			String type = property.path("type").asString("");
			if (!(property instanceof ObjectNode object) || !Set.of("string", "integer", "boolean").contains(type)) {
				throw new IllegalArgumentException(
						"header '" + arg.header() + "' needs a string, integer or boolean parameter");
			}
			object.put("x-mcp-header", arg.header());
		}
		return schema;
	}

	private static final Pattern HEADER_TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

	private ObjectNode readSchema(String schema) {
		try {
			String json = schema.startsWith("classpath:")
					? new String(this.applicationContext.getResource(schema).getContentAsByteArray(),
							StandardCharsets.UTF_8)
					: schema;
			if (this.jsonMapper.readTree(json) instanceof ObjectNode object) {
				return object;
			}
		}
		catch (IOException | JacksonException ex) {
			throw new IllegalArgumentException("cannot read inputSchema " + schema + ": " + ex.getMessage(), ex);
		}
		throw new IllegalArgumentException("inputSchema must be a JSON object");
	}

	private InvocableMcpHandlerMethod invocable(McpHandlerMethod handlerMethod) {
		Scheduler scheduler = this.blockingMethodPredicate.test(handlerMethod) ? this.blockingScheduler : null;
		return new InvocableMcpHandlerMethod(handlerMethod, this.argumentResolvers, this.validator, scheduler,
				this.contextPropagator);
	}

	private static Class<?> completionType(McpHandlerMethod handlerMethod) {
		ResolvableType type = ResolvableType.forMethodReturnType(handlerMethod.getMethod());
		ReactiveAdapter adapter = ReactiveAdapterRegistry.getSharedInstance().getAdapter(type.resolve());
		return ((adapter != null) ? type.getGeneric(0) : type).resolve(Object.class);
	}

	private List<SchemaProperty> inputProperties(McpHandlerMethod handlerMethod) {
		return Arrays.stream(handlerMethod.getMethodParameters())
			.filter((parameter) -> this.argumentResolvers.getResolver(parameter) == this.toolArgumentResolver)
			.map((parameter) -> this.toolArgumentResolver.getArgument(parameter).toSchemaProperty())
			.toList();
	}

	private @Nullable OutputSchema outputSchema(McpHandlerMethod handlerMethod) {
		ResolvableType type = ResolvableType.forMethodReturnType(handlerMethod.getMethod());
		ReactiveAdapter adapter = ReactiveAdapterRegistry.getSharedInstance().getAdapter(type.resolve());
		if (adapter != null) {
			ResolvableType element = type.getGeneric(0);
			type = adapter.isMultiValue() ? ResolvableType.forClassWithGenerics(List.class, element) : element;
		}
		Class<?> rawType = type.resolve(Object.class);
		if (ToolResultConverter.isUnstructured(rawType) || isContentCollection(type)) {
			return null;
		}
		Type javaType = type.getType();
		return this.schemaGenerator.generateOutputSchema(javaType);
	}

	private static boolean isContentCollection(ResolvableType type) {
		return Collection.class.isAssignableFrom(type.resolve(Object.class))
				&& Content.class.isAssignableFrom(type.asCollection().getGeneric(0).resolve(Object.class));
	}

}
