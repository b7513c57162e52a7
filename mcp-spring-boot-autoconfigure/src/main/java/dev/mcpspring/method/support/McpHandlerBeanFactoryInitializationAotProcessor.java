package dev.mcpspring.method.support;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mcpspring.annotation.McpComplete;
import dev.mcpspring.annotation.McpPrompt;
import dev.mcpspring.annotation.McpResource;
import dev.mcpspring.annotation.McpTool;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.MethodParameter;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;

/**
 * Registers, ahead of time, what {@link AnnotatedMcpHandlerDetector} needs at run time in
 * a native image: the {@link McpTool}, {@link McpResource}, {@link McpPrompt} and
 * {@link McpComplete} methods of every bean, for introspection and invocation; their
 * parameter and return types (records, nested and generic types included), for Jackson
 * and the JSON schema generator; and the {@code classpath:} input schemas they name.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpHandlerBeanFactoryInitializationAotProcessor implements BeanFactoryInitializationAotProcessor {

	private static final List<Class<? extends Annotation>> ANNOTATIONS = List.of(McpTool.class, McpResource.class,
			McpPrompt.class, McpComplete.class);

	private static final String CLASSPATH_PREFIX = "classpath:";

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		Set<Class<?>> handlerTypes = new LinkedHashSet<>();
		for (String beanName : beanFactory.getBeanDefinitionNames()) {
			Class<?> beanType = RegisteredBean.of(beanFactory, beanName).getBeanClass();
			if (!handlerMethods(beanType).isEmpty()) {
				handlerTypes.add(beanType);
			}
		}
		if (handlerTypes.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> handlerTypes
			.forEach((type) -> registerHints(generationContext.getRuntimeHints(), type));
	}

	/**
	 * Register the hints for the handler methods of a type.
	 * @param hints where to register them
	 * @param handlerType a bean type with handler methods
	 */
	static void registerHints(RuntimeHints hints, Class<?> handlerType) {
		hints.reflection()
			.registerType(handlerType, MemberCategory.INTROSPECT_DECLARED_METHODS,
					MemberCategory.INTROSPECT_PUBLIC_METHODS);
		BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();
		for (Method method : handlerMethods(handlerType)) {
			hints.reflection().registerMethod(method, ExecutableMode.INVOKE);
			for (int i = 0; i < method.getParameterCount(); i++) {
				registerBinding(hints, bindings, MethodParameter.forExecutable(method, i).getGenericParameterType());
			}
			registerBinding(hints, bindings, method.getGenericReturnType());
			McpTool tool = AnnotatedElementUtils.findMergedAnnotation(method, McpTool.class);
			if (tool != null && tool.inputSchema().startsWith(CLASSPATH_PREFIX)) {
				String location = StringUtils
					.trimLeadingCharacter(tool.inputSchema().substring(CLASSPATH_PREFIX.length()), '/');
				hints.resources().registerPattern(location);
			}
		}
	}

	/**
	 * Bind the type itself, or the element type of a reactive or asynchronous type.
	 */
	private static void registerBinding(RuntimeHints hints, BindingReflectionHintsRegistrar bindings, Type type) {
		ResolvableType resolvable = ResolvableType.forType(type);
		ReactiveAdapter adapter = ReactiveAdapterRegistry.getSharedInstance().getAdapter(resolvable.resolve());
		Type bound = (adapter != null) ? resolvable.getGeneric(0).getType() : type;
		if (!isFrameworkType(ResolvableType.forType(bound).resolve(Object.class))) {
			bindings.registerReflectionHints(hints.reflection(), bound);
		}
	}

	/**
	 * Types the server supplies or writes itself, such as {@code McpContext} or
	 * {@code Principal}, need no binding.
	 */
	private static boolean isFrameworkType(Class<?> type) {
		String name = type.getName();
		return type.isPrimitive() || name.startsWith("java.security.") || name.startsWith("dev.mcpspring.server.")
				|| name.startsWith("org.springframework.") || name.startsWith("reactor.") || type == Object.class
				|| type == Void.class;
	}

	private static Set<Method> handlerMethods(Class<?> beanType) {
		Map<Method, Boolean> methods = MethodIntrospector.selectMethods(beanType,
				(MethodIntrospector.MetadataLookup<Boolean>) (method) -> isHandlerMethod(method) ? true : null);
		return methods.keySet();
	}

	private static boolean isHandlerMethod(Method method) {
		return ANNOTATIONS.stream().anyMatch((type) -> AnnotatedElementUtils.hasAnnotation(method, type));
	}

}
