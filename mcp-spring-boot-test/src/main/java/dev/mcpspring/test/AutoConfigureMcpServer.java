package dev.mcpspring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Applies the auto-configuration of the MCP server engine, without any transport, and
 * what it builds on (Jackson, bean validation, task execution). {@link McpServerTest}
 * applies it; the list is in
 * {@code META-INF/spring/dev.mcpspring.test.AutoConfigureMcpServer.imports}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureMcpServer {

}
