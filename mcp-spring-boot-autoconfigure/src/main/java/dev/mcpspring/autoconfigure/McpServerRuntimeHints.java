package dev.mcpspring.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.util.ClassUtils;

/**
 * {@link RuntimeHintsRegistrar} for a native image of an MCP server: the protocol model
 * and JSON-RPC message types, which Jackson reads and writes by reflection. The types of
 * the application's handler methods are registered by
 * {@link dev.mcpspring.method.support.McpHandlerBeanFactoryInitializationAotProcessor}.
 *
 * @author MCP Spring Boot team
 */
class McpServerRuntimeHints implements RuntimeHintsRegistrar {

	/**
	 * Packages whose every type is bound by Jackson.
	 */
	static final List<String> BOUND_PACKAGES = List.of("dev.mcpspring.model", "dev.mcpspring.jsonrpc");

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();
		for (String packageName : BOUND_PACKAGES) {
			for (Class<?> type : typesIn(packageName, classLoader)) {
				bindings.registerReflectionHints(hints.reflection(), type);
			}
		}
	}

	private static List<Class<?>> typesIn(String packageName, @Nullable ClassLoader classLoader) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		MetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
		try {
			Resource[] classes = resolver
				.getResources("classpath*:" + ClassUtils.convertClassNameToResourcePath(packageName) + "/*.class");
			return Arrays.stream(classes)
				.map((resource) -> className(readers, resource))
				.filter((name) -> !name.endsWith("package-info"))
				.<Class<?>>map((name) -> ClassUtils.resolveClassName(name, classLoader))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String className(MetadataReaderFactory readers, Resource resource) {
		try {
			return readers.getMetadataReader(resource).getClassMetadata().getClassName();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
