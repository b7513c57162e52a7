package dev.mcpspring.method.support;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.mcpspring.annotation.McpIcon;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.method.InvocableMcpHandlerMethod;
import dev.mcpspring.method.McpArgumentValidator;
import dev.mcpspring.method.McpHandlerMethod;
import dev.mcpspring.method.McpMethodArgumentResolverComposite;
import dev.mcpspring.model.Content;
import dev.mcpspring.model.Icon;
import dev.mcpspring.model.Tool;
import dev.mcpspring.model.ToolAnnotations;
import dev.mcpspring.schema.JsonSchemaGenerator;
import dev.mcpspring.schema.OutputSchema;
import dev.mcpspring.schema.SchemaProperty;
import dev.mcpspring.server.ToolRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.MethodParameter;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Finds {@link McpTool} methods on the beans of an application context at startup and
 * registers them as tools. Fails fast, naming the bean and method, on an invalid or
 * duplicate name or a type that cannot be described.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class AnnotatedMcpHandlerDetector implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(AnnotatedMcpHandlerDetector.class);

	private final ApplicationContext applicationContext;

	private final ToolRegistry toolRegistry;

	private final JsonSchemaGenerator schemaGenerator;

	private final McpMethodArgumentResolverComposite argumentResolvers;

	private final ToolArgumentResolver toolArgumentResolver;

	private final @Nullable McpArgumentValidator validator;

	private final ToolResultConverter resultConverter;

	private final Predicate<McpHandlerMethod> blockingMethodPredicate;

	private final Scheduler blockingScheduler;

	/**
	 * Create a detector.
	 * @param applicationContext the context whose beans are scanned
	 * @param toolRegistry where tools are registered
	 * @param schemaGenerator generates input and output schemas
	 * @param argumentResolvers the argument resolvers, ending with the
	 * {@code toolArgumentResolver}
	 * @param toolArgumentResolver the resolver of JSON arguments
	 * @param validator validates arguments, or {@code null}
	 * @param resultConverter converts return values
	 * @param blockingMethodPredicate tells which methods block
	 * @param blockingScheduler where blocking methods run
	 */
	public AnnotatedMcpHandlerDetector(ApplicationContext applicationContext, ToolRegistry toolRegistry,
			JsonSchemaGenerator schemaGenerator, McpMethodArgumentResolverComposite argumentResolvers,
			ToolArgumentResolver toolArgumentResolver, @Nullable McpArgumentValidator validator,
			ToolResultConverter resultConverter, Predicate<McpHandlerMethod> blockingMethodPredicate,
			Scheduler blockingScheduler) {
		this.applicationContext = applicationContext;
		this.toolRegistry = toolRegistry;
		this.schemaGenerator = schemaGenerator;
		this.argumentResolvers = argumentResolvers;
		this.toolArgumentResolver = toolArgumentResolver;
		this.validator = validator;
		this.resultConverter = resultConverter;
		this.blockingMethodPredicate = blockingMethodPredicate;
		this.blockingScheduler = blockingScheduler;
	}

	/**
	 * Default predicate for blocking methods: those whose return type is not reactive
	 * or asynchronous.
	 * @return the predicate
	 */
	public static Predicate<McpHandlerMethod> nonReactiveReturnType() {
		return (handlerMethod) -> ReactiveAdapterRegistry.getSharedInstance()
			.getAdapter(handlerMethod.getMethod().getReturnType()) == null;
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
			Map<Method, McpTool> methods = MethodIntrospector.selectMethods(beanType,
					(MethodIntrospector.MetadataLookup<McpTool>) (method) -> AnnotatedElementUtils
						.findMergedAnnotation(method, McpTool.class));
			if (!methods.isEmpty()) {
				Object bean = this.applicationContext.getBean(beanName);
				methods.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Method::toGenericString)))
					.forEach((entry) -> registerTool(beanName, bean, entry.getKey(), entry.getValue()));
			}
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
			return (type != null) ? ClassUtils.getUserClass(type) : null;
		}
		catch (Throwable ex) {
			if (logger.isTraceEnabled()) {
				logger.trace("Could not resolve type of bean '" + beanName + "'", ex);
			}
			return null;
		}
	}

	private void registerTool(String beanName, Object bean, Method method, McpTool annotation) {
		McpHandlerMethod handlerMethod = new McpHandlerMethod(bean, method);
		try {
			String name = StringUtils.hasText(annotation.name()) ? annotation.name() : method.getName();
			OutputSchema outputSchema = outputSchema(handlerMethod);
			Tool tool = new Tool(name, emptyToNull(annotation.title()), emptyToNull(annotation.description()),
					this.schemaGenerator.generateInputSchema(inputProperties(handlerMethod)),
					(outputSchema != null) ? outputSchema.schema() : null, annotations(annotation),
					icons(annotation.icons()), meta(annotation.meta()));
			Scheduler scheduler = this.blockingMethodPredicate.test(handlerMethod) ? this.blockingScheduler : null;
			InvocableMcpHandlerMethod invocable = new InvocableMcpHandlerMethod(handlerMethod, this.argumentResolvers,
					this.validator, scheduler);
			this.toolRegistry.register(new MethodToolHandler(tool, invocable, outputSchema, this.resultConverter));
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Invalid @McpTool method " + handlerMethod.getShortLogMessage()
					+ " of bean '" + beanName + "': " + ex.getMessage(), ex);
		}
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

	private static ToolAnnotations annotations(McpTool annotation) {
		return new ToolAnnotations(null, annotation.readOnlyHint(), annotation.destructiveHint(),
				annotation.idempotentHint(), annotation.openWorldHint());
	}

	private static @Nullable List<Icon> icons(McpIcon[] icons) {
		if (icons.length == 0) {
			return null;
		}
		return Arrays.stream(icons)
			.map((icon) -> new Icon(icon.src(), emptyToNull(icon.mimeType()),
					(icon.sizes().length > 0) ? List.of(icon.sizes()) : null, emptyToNull(icon.theme())))
			.toList();
	}

	private static @Nullable Map<String, Object> meta(String[] entries) {
		if (entries.length == 0) {
			return null;
		}
		Map<String, Object> meta = new LinkedHashMap<>();
		for (String entry : entries) {
			int separator = entry.indexOf('=');
			if (separator <= 0) {
				throw new IllegalArgumentException("meta entry '" + entry + "' must be written key=value");
			}
			meta.put(entry.substring(0, separator).trim(), entry.substring(separator + 1).trim());
		}
		return meta;
	}

	private static @Nullable String emptyToNull(String value) {
		return StringUtils.hasText(value) ? value : null;
	}


}
