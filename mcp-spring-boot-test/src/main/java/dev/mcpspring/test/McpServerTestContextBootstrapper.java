package dev.mcpspring.test;

import org.springframework.boot.test.context.SpringBootTestContextBootstrapper;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.TestContextBootstrapper;

/**
 * {@link TestContextBootstrapper} for {@link McpServerTest}: adds its {@code properties}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
class McpServerTestContextBootstrapper extends SpringBootTestContextBootstrapper {

	@Override
	protected String[] getProperties(Class<?> testClass) {
		return MergedAnnotations.from(testClass, SearchStrategy.INHERITED_ANNOTATIONS)
			.get(McpServerTest.class)
			.getValue("properties", String[].class)
			.orElse(null);
	}

}
