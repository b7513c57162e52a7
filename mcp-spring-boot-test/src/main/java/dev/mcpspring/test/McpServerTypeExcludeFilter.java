package dev.mcpspring.test;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import dev.mcpspring.annotation.McpComplete;
import dev.mcpspring.annotation.McpPrompt;
import dev.mcpspring.annotation.McpResource;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.server.McpExceptionResolver;
import dev.mcpspring.server.McpFeatureFilter;
import dev.mcpspring.server.McpServerInterceptor;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * What component scanning keeps in an {@link McpServerTest}: beans with {@code @McpTool},
 * {@code @McpResource}, {@code @McpPrompt} or {@code @McpComplete} methods, interceptors,
 * exception resolvers and feature filters.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
final class McpServerTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<McpServerTest> {

	private static final List<String> FEATURE_ANNOTATIONS = List.of(McpTool.class.getName(),
			McpResource.class.getName(), McpPrompt.class.getName(), McpComplete.class.getName());

	private static final Set<Class<?>> KNOWN_INCLUDES = Set.of(McpServerInterceptor.class, McpExceptionResolver.class,
			McpFeatureFilter.class);

	McpServerTypeExcludeFilter(Class<?> testClass) {
		super(testClass);
	}

	@Override
	protected boolean defaultInclude(MetadataReader metadataReader, MetadataReaderFactory metadataReaderFactory)
			throws IOException {
		if (super.defaultInclude(metadataReader, metadataReaderFactory)) {
			return true;
		}
		AnnotationMetadata metadata = metadataReader.getAnnotationMetadata();
		return FEATURE_ANNOTATIONS.stream().anyMatch(metadata::hasAnnotatedMethods);
	}

	@Override
	protected Set<Class<?>> getKnownIncludes() {
		return KNOWN_INCLUDES;
	}

}
