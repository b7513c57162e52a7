package dev.mcpspring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A test of the application's MCP features alone, like {@code @WebFluxTest} for
 * controllers: it applies only the auto-configuration of the MCP engine (no web server,
 * no transport), scans only beans with {@code @McpTool}, {@code @McpResource},
 * {@code @McpPrompt} or {@code @McpComplete} methods plus interceptors, exception
 * resolvers and feature filters, and provides an in-process {@link McpTestClient}. Other
 * beans the features need come in through {@code @Import}, {@link #includeFilters} or
 * {@code @MockitoBean}. <pre class="code">
 * &#064;McpServerTest
 * &#064;Import(Catalog.class)
 * class CatalogToolsTests {
 *
 *     &#064;Autowired
 *     McpTestClient client;
 *
 *     &#064;Test
 *     void echo() {
 *         this.client.callTool("echo", Map.of("message", "hi")).isSuccess().hasText("hi");
 *     }
 *
 * }
 * </pre>
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(McpServerTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(McpServerTypeExcludeFilter.class)
@AutoConfigureMcpServer
@AutoConfigureMcpTestClient
@ImportAutoConfiguration
public @interface McpServerTest {

	/**
	 * Properties in the form {@literal key=value} added to the environment before the
	 * test runs.
	 * @return the properties
	 */
	String[] properties() default {};

	/**
	 * Whether the default filters apply: with {@code false}, only {@link #includeFilters}
	 * choose the beans scanned.
	 * @return whether to use the default filters
	 */
	boolean useDefaultFilters() default true;

	/**
	 * More beans to scan, beyond the MCP features.
	 * @return the include filters
	 */
	Filter[] includeFilters() default {};

	/**
	 * Beans not to scan.
	 * @return the exclude filters
	 */
	Filter[] excludeFilters() default {};

	/**
	 * Auto-configuration to leave out.
	 * @return the auto-configuration classes to exclude
	 */
	@AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
	Class<?>[] excludeAutoConfiguration() default {};

}
